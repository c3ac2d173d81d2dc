// The sample's chat page: streams answers over server-sent events, shows tool calls and approvals,
// and keeps running totals of tokens and cost. Plain JavaScript, no build step.
const state = { id: null, workflow: null, tokens: 0, cost: 0, turnCosts: [] };
const messages = document.getElementById('messages');
const input = document.getElementById('message');
const send = document.getElementById('send');
const details = document.getElementById('details');
const narrow = window.matchMedia('(max-width: 640px)');

// The model's reasoning streams into a folded block above its answer; the checkbox hides every such block.
const showReasoning = document.getElementById('show-reasoning');
showReasoning.addEventListener('change', () => {
  document.body.classList.toggle('hide-reasoning', !showReasoning.checked);
});

function reasoningBlock(before) {
  const block = document.createElement('details');
  block.className = 'reasoning';
  const summary = document.createElement('summary');
  summary.textContent = 'Reasoning';
  block.append(summary, document.createElement('p'));
  messages.insertBefore(block, before);
  return block;
}

// On a phone the side panel starts folded, so that the conversation has the screen.
details.open = !narrow.matches;
narrow.addEventListener('change', () => { details.open = !narrow.matches; });

function scrollToEnd() {
  messages.scrollTop = messages.scrollHeight;
}

function add(className, text) {
  const element = document.createElement('div');
  element.className = className;
  element.textContent = text || '';
  messages.appendChild(element);
  scrollToEnd();
  return element;
}

// A tool's arguments as a list of name and value, not as JSON.
function fields(values) {
  const list = document.createElement('dl');
  list.className = 'fields';
  Object.entries(values || {}).forEach(([name, value]) => {
    const term = document.createElement('dt');
    term.textContent = name;
    const detail = document.createElement('dd');
    detail.textContent = value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
    list.append(term, detail);
  });
  return list;
}

function toolName(name) {
  const element = document.createElement('span');
  element.className = 'tool-name';
  element.textContent = name;
  return element;
}

function showToolCall(call) {
  const card = add('tool-call', '');
  card.append(toolName(call.name), fields(call.args));
  scrollToEnd();
  return card;
}

function account(response, bubble) {
  const turnCost = Number(response.cost || 0);
  state.tokens += (response.inputTokens || 0) + (response.outputTokens || 0);
  state.cost += turnCost;
  state.turnCosts.push(turnCost);
  document.getElementById('tokens').textContent = state.tokens;
  document.getElementById('cost').textContent = '$' + state.cost.toFixed(6);
  document.getElementById('turns').textContent = state.turnCosts.length;
  if (bubble) {
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = (response.inputTokens + response.outputTokens) + ' tokens · $' + turnCost.toFixed(6)
        + ' · ' + response.durationMs + ' ms';
    bubble.appendChild(meta);
  }
  drawChart();
  (response.pendingTools || []).forEach(showApproval);
  scrollToEnd();
}

function drawChart() {
  const svg = document.getElementById('chart');
  const costs = state.turnCosts.slice(-12);
  const max = Math.max(...costs, 0.000001);
  const width = 240 / Math.max(costs.length, 1);
  svg.innerHTML = costs.map((cost, i) => {
    const height = Math.max(2, (cost / max) * 100);
    return '<rect x="' + (i * width + 2) + '" y="' + (105 - height) + '" width="' + (width - 4) + '" height="' + height
        + '"><title>turn ' + (i + 1) + ': $' + cost.toFixed(6) + '</title></rect>';
  }).join('') + '<text x="2" y="118">max $' + max.toFixed(6) + '</text>';
}

function showApproval(pending) {
  const card = add('approval', '');
  const text = document.createElement('p');
  text.textContent = pending.message || 'Approval needed';
  const actions = document.createElement('div');
  actions.className = 'actions';
  [['Approve', true, 'approve'], ['Reject', false, 'reject']].forEach(([label, approve, cls]) => {
    const button = document.createElement('button');
    button.textContent = label;
    button.className = cls;
    button.onclick = () => decide(card, pending.id, approve);
    actions.appendChild(button);
  });
  card.append(text, toolName(pending.name), fields(pending.arguments), actions);
  scrollToEnd();
}

// Once decided, the buttons give way to the decision.
function settle(card, className, text) {
  const decision = document.createElement('p');
  decision.className = 'decision ' + className;
  decision.textContent = text;
  card.querySelector('.actions').replaceWith(decision);
}

async function decide(card, callId, approve) {
  card.querySelectorAll('.actions button').forEach(button => button.disabled = true);
  const response = await fetch('/api/conversations/' + state.id + '/approvals/' + encodeURIComponent(callId), {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ approve, reason: approve ? null : 'rejected in the chat page' })
  });
  const body = await response.json();
  if (!response.ok) {
    settle(card, 'failed', 'Not recorded');
    add('error', body.detail || 'The decision failed');
    return;
  }
  settle(card, approve ? 'approved' : 'rejected', approve ? 'Approved' : 'Rejected');
  if (body.text) {
    (body.toolCalls || []).forEach(showToolCall);
    account(body, add('bubble assistant', body.text));
  } else {
    (body.pendingTools || []).forEach(showApproval);
  }
}

function ask(text) {
  add('bubble user', text);
  let bubble = add('bubble assistant', '');
  let reasoning = null;
  send.disabled = true;
  // the returns desk's turns go to its workflow, the others to the conversation
  const path = state.workflow ? '/api/workflows/' + state.workflow : '/api/conversations/' + state.id;
  const events = new EventSource(path + '/stream?text=' + encodeURIComponent(text));
  events.addEventListener('text', event => {
    bubble.textContent += JSON.parse(event.data).text;
    bubble.dataset.chunks = Number(bubble.dataset.chunks || 0) + 1;
    scrollToEnd();
  });
  events.addEventListener('reasoning', event => {
    reasoning = reasoning || reasoningBlock(bubble);
    reasoning.querySelector('p').textContent += JSON.parse(event.data).text;
    scrollToEnd();
  });
  events.addEventListener('tool_call', event => {
    // the text before a tool call stays in its own bubble; the answer after it gets a new one
    if (!bubble.textContent) {
      bubble.remove();
    }
    showToolCall(JSON.parse(event.data));
    bubble = add('bubble assistant', '');
    reasoning = null;
  });
  events.addEventListener('workflow', event => {
    events.close();
    showWorkflow(JSON.parse(event.data));
  });
  events.addEventListener('done', event => {
    if (!state.workflow) {
      events.close();
    }
    const response = JSON.parse(event.data);
    if (!bubble.textContent) {
      bubble.remove();
    }
    account(response, bubble.isConnected ? bubble : null);
    send.disabled = false;
  });
  events.onerror = () => {
    events.close();
    if (!bubble.textContent) {
      bubble.remove();
      add('error', 'The answer could not be streamed.');
    }
    send.disabled = false;
  };
}

// The returns desk: a workflow whose state moves as the model emits its events.
function showWorkflow(workflow) {
  const label = document.getElementById('workflow-state');
  label.textContent = workflow.state + (workflow.complete ? ' (complete)' : '');
  document.body.dataset.workflowState = workflow.state;
}

document.getElementById('returns').addEventListener('click', async () => {
  const response = await fetch('/api/workflows', { method: 'POST' });
  const workflow = await response.json();
  state.workflow = workflow.id;
  add('bubble system', 'Returns desk: a workflow in state ' + workflow.state + '.');
  showWorkflow(workflow);
});

document.getElementById('composer').addEventListener('submit', event => {
  event.preventDefault();
  const text = input.value.trim();
  if (text && state.id) {
    input.value = '';
    ask(text);
  }
});

fetch('/api/conversations', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
  .then(response => response.json())
  .then(body => {
    state.id = body.id;
    document.getElementById('conversation-id').textContent = body.id;
    document.body.dataset.ready = 'true';
  });
