-- Reads a conversation and slides its time to live. ARGV: ttl ms.
-- Returns {} when there is none, else { meta, metadata field/value pairs, messages }.
local meta = redis.call('GET', KEYS[1])
if not meta then
    return {}
end
local ttl = tonumber(ARGV[1])
if ttl > 0 then
    expire(ttl)
end
return { meta, redis.call('HGETALL', KEYS[3]), redis.call('LRANGE', KEYS[2], 0, -1) }
