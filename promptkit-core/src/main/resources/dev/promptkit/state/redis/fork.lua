-- Copies the conversation at KEYS[1..3] to KEYS[4..6], replacing the target (as a new version of its history).
-- ARGV: target id, now, ttl ms.
-- Returns 0, having written nothing, when the source does not exist; else 1.
if redis.call('EXISTS', KEYS[1]) == 0 then
    return 0
end
local ttl = tonumber(ARGV[3])
if KEYS[1] ~= KEYS[4] then
    check_layout(1)
    check_layout(4)
    local version = stored_version(KEYS[4]) + 1
    redis.call('DEL', KEYS[5], KEYS[6])
    redis.call('COPY', KEYS[2], KEYS[5])
    redis.call('COPY', KEYS[3], KEYS[6])
    write_meta(KEYS[4], ARGV[1], ARGV[2], redis.call('LLEN', KEYS[5]), version)
    expire(4, ttl)
end
if ttl > 0 then
    expire(1, ttl)
end
return 1
