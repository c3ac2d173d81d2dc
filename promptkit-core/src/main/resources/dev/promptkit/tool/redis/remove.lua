-- Forgets calls. KEYS: the conversation's index, then the key of each call. ARGV: the call ids, in the same order.
for i, id in ipairs(ARGV) do
    redis.call('DEL', KEYS[i + 1])
    redis.call('ZREM', KEYS[1], id)
end
return 1
