-- Replaces a conversation. ARGV: id, now, ttl ms, message count, messages, field/value pairs.
-- Returns the conversation's message count.
check_layout(1)
redis.call('DEL', KEYS[2], KEYS[3])
write_turn()
write_meta(KEYS[1], ARGV[1], ARGV[2], tonumber(ARGV[4]))
expire(1, tonumber(ARGV[3]))
return tonumber(ARGV[4])
