-- Takes a call: removes it and its index entry and returns its JSON, or nil when it is not held.
-- KEYS: the call's key, its conversation's index. ARGV: call id.
local call = redis.call('GET', KEYS[1])
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return call
