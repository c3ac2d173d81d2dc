-- Keeps the result of a decided call. KEYS: the call's key. ARGV: the result's JSON.
-- Returns 0, having written nothing, when the call is no longer held; else 1.
upgrade(KEYS[1])
if redis.call('EXISTS', KEYS[1]) == 0 then
    return 0
end
redis.call('HSET', KEYS[1], 'result', ARGV[1])
return 1
