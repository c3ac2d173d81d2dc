-- Appends one turn and merges its metadata. ARGV: id, now, ttl ms, message count, messages, field/value pairs.
-- Returns the conversation's message count.
check_layout(1)
write_turn()
local count = redis.call('LLEN', KEYS[2])
write_meta(KEYS[1], ARGV[1], ARGV[2], count)
expire(1, tonumber(ARGV[3]))
return count
