-- Moves one held call from the layout without a hash tag to the cluster-safe one, as it is (a hash, or the plain
-- string of versions before decisions were kept, which the pending store upgrades when it next reads it), with its
-- time to live; its index entry moves to the new index, which lives at least as long as the call.
-- KEYS: old call key, new call key, old index, new index. ARGV: the call id.
-- Returns 1 when moved; 0, having changed nothing, when the old key is gone or the new one exists already.
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('EXISTS', KEYS[2]) == 1 then
    return 0
end
redis.call('RENAME', KEYS[1], KEYS[2])
local score = redis.call('ZSCORE', KEYS[3], ARGV[1])
if score then
    redis.call('ZADD', KEYS[4], score, ARGV[1])
    redis.call('ZREM', KEYS[3], ARGV[1])
    local ttl = redis.call('PTTL', KEYS[2])
    local index_ttl = redis.call('PTTL', KEYS[4])
    if ttl > 0 and (index_ttl == -1 or index_ttl < ttl) then
        redis.call('PEXPIRE', KEYS[4], ttl)
    end
end
return 1
