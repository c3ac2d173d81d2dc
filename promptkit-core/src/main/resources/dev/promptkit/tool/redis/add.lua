-- Holds a call: it waits for a decision. KEYS: the call's key, its conversation's index.
-- ARGV: the call's JSON, ttl ms, creation time (epoch ms), call id.
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'call', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return 1
