-- Replaces a conversation, as a new version of its history.
-- ARGV: id, now, ttl ms, expected version (ignored), message count, messages, field/value pairs.
-- Returns the history's new version.
check_layout()
local version = stored_version(KEYS[1]) + 1
redis.call('DEL', KEYS[2], KEYS[3])
write_turn()
write_meta(KEYS[1], ARGV[1], ARGV[2], tonumber(ARGV[5]), version)
expire(tonumber(ARGV[3]))
return version
