// The chat page's Talk button: a voice session over the /api/voice WebSocket. The microphone goes out as 16 kHz
// PCM16 (capture-worklet.js), the model's 24 kHz PCM16 speech is played as it comes, and the transcripts, tool
// calls and turn totals appear in the chat (add, account and showToolCall come from chat.js).
const SPEECH_RATE = 24000;
const voice = { socket: null, opened: null, context: null, worklet: null, microphone: null, capture: null, playAt: 0,
  playing: [], user: null, assistant: null };
const talk = document.getElementById('talk');

function count(name) {
  document.body.dataset[name] = Number(document.body.dataset[name] || 0) + 1;
}

function openSocket() {
  if (voice.socket) {
    return voice.opened;
  }
  const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/voice');
  socket.binaryType = 'arraybuffer';
  socket.onmessage = message => typeof message.data === 'string' ? onEvent(JSON.parse(message.data)) : play(message.data);
  socket.onclose = closed => {
    voice.socket = null;
    stopCapture();
    if (closed.code !== 1000) {
      add('error', 'The voice session ended: ' + (closed.reason || 'the connection was lost'));
    }
  };
  voice.socket = socket;
  voice.opened = new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error('The voice connection failed'));
  });
  return voice.opened;
}

function onEvent(event) {
  switch (event.type) {
    case 'ready':
      document.body.dataset.voice = 'ready';
      break;
    case 'input_transcript':
      voice.user = voice.user || add('bubble user', '');
      voice.user.textContent += event.text;
      break;
    case 'text':
    case 'output_transcript':
      voice.assistant = voice.assistant || add('bubble assistant', '');
      voice.assistant.textContent += event.text;
      break;
    case 'tool_call':
      // as in typed turns: the words before the call keep their bubble, the answer after it gets a new one
      showToolCall(event.toolCall);
      voice.assistant = null;
      break;
    case 'interrupted':
      stopPlayback();
      break;
    case 'turn_complete':
      account(event.turn, voice.assistant);
      voice.user = null;
      voice.assistant = null;
      break;
    case 'error':
      add('error', event.message);
      break;
  }
}

function play(data) {
  const samples = new Int16Array(data);
  const buffer = voice.context.createBuffer(1, samples.length, SPEECH_RATE);
  const channel = buffer.getChannelData(0);
  for (let i = 0; i < samples.length; i++) {
    channel[i] = samples[i] / 0x8000;
  }
  const source = voice.context.createBufferSource();
  source.buffer = buffer;
  source.connect(voice.context.destination);
  voice.playAt = Math.max(voice.playAt, voice.context.currentTime + 0.05);
  source.start(voice.playAt);
  voice.playAt += buffer.duration;
  voice.playing.push(source);
  source.onended = () => voice.playing.splice(voice.playing.indexOf(source), 1);
  count('audioChunks');
}

function stopPlayback() {
  voice.playing.forEach(source => source.stop());
  voice.playing = [];
  voice.playAt = 0;
}

async function startCapture() {
  voice.context = voice.context || new AudioContext();
  await voice.context.resume();
  voice.worklet = voice.worklet || voice.context.audioWorklet.addModule('capture-worklet.js');
  await voice.worklet;
  voice.microphone = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true }
  });
  voice.capture = new AudioWorkletNode(voice.context, 'pcm16-capture', { numberOfOutputs: 0 });
  voice.capture.port.onmessage = piece => {
    if (voice.socket && voice.socket.readyState === WebSocket.OPEN) {
      voice.socket.send(piece.data);
      count('micChunks');
    }
  };
  voice.context.createMediaStreamSource(voice.microphone).connect(voice.capture);
}

function stopCapture() {
  if (voice.capture) {
    voice.capture.disconnect();
    voice.capture.port.onmessage = null;
    voice.capture = null;
  }
  if (voice.microphone) {
    voice.microphone.getTracks().forEach(track => track.stop());
    voice.microphone = null;
  }
  talk.textContent = 'Talk';
  talk.setAttribute('aria-pressed', 'false');
}

talk.addEventListener('click', async () => {
  if (voice.capture) {
    stopCapture();
    voice.socket.send(JSON.stringify({ type: 'commit' }));
    return;
  }
  talk.disabled = true;
  try {
    await openSocket();
    await startCapture();
    talk.textContent = 'Stop';
    talk.setAttribute('aria-pressed', 'true');
  } catch (failure) {
    stopCapture();
    add('error', 'Talking needs the microphone: ' + failure.message);
  } finally {
    talk.disabled = false;
  }
});
