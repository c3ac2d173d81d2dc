-- Returns the JSON of the calls still held, in the order given, and drops the index entries of the others
-- (expired, or taken since the index was read).
-- KEYS: the conversation's index, then the key of each call. ARGV: the call ids, in the same order.
local calls = {}
for i, id in ipairs(ARGV) do
    local call = redis.call('GET', KEYS[i + 1])
    if call then
        calls[#calls + 1] = call
    else
        redis.call('ZREM', KEYS[1], id)
    end
end
return calls
