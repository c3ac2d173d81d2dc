-- Takes a waiting call for a decision: records the decision and returns the call's JSON; nil, having changed
-- nothing, when the call is not held or was decided already. KEYS: the call's key. ARGV: the decision.
upgrade(KEYS[1])
if redis.call('EXISTS', KEYS[1]) == 0 then
    return nil
end
if redis.call('HSETNX', KEYS[1], 'decision', ARGV[1]) == 0 then
    return nil
end
return redis.call('HGET', KEYS[1], 'call')
