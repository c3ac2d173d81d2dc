-- Returns, for each call still held, in the order given, { its JSON, its decision or '', its result or '' }, and
-- drops the index entries of the others (expired, or removed since the index was read).
-- KEYS: the conversation's index, then the key of each call. ARGV: the call ids, in the same order.
local calls = {}
for i, id in ipairs(ARGV) do
    local key = KEYS[i + 1]
    upgrade(key)
    local call = redis.call('HMGET', key, 'call', 'decision', 'result')
    if call[1] then
        calls[#calls + 1] = { call[1], call[2] or '', call[3] or '' }
    else
        redis.call('ZREM', KEYS[1], id)
    end
end
return calls
