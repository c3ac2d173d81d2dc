-- Withdraws a decision that replicas did not confirm, so that the call waits again. The decision is the caller's
-- (claim.lua gave it the call, and no one else can take it) and nothing ran yet while the call has no result.
-- KEYS: the call's key.
if redis.call('HEXISTS', KEYS[1], 'result') == 0 then
    redis.call('HDEL', KEYS[1], 'decision')
end
return 1
