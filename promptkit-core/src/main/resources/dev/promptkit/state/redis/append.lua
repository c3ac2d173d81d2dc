-- Appends one turn and merges its metadata, when the history is still at the version the turn was answered on.
-- ARGV: id, now, ttl ms, expected version (-1: any), message count, messages, field/value pairs.
-- Returns the history's new version; or, having written nothing, -1 - the stored version when that is not the
-- expected one. A turn that adds messages counts one version; a metadata-only append none.
check_layout()
local version = stored_version(KEYS[1])
local expected = tonumber(ARGV[4])
if expected >= 0 and expected ~= version then
    return -1 - version
end
write_turn()
if tonumber(ARGV[5]) > 0 then
    version = version + 1
end
write_meta(KEYS[1], ARGV[1], ARGV[2], redis.call('LLEN', KEYS[2]), version)
expire(tonumber(ARGV[3]))
return version
