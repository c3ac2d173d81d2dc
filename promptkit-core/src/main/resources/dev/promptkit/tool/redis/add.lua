-- Holds a call. KEYS: the call's key, its conversation's index.
-- ARGV: the call's JSON, ttl ms, creation time (epoch ms), call id.
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return 1
