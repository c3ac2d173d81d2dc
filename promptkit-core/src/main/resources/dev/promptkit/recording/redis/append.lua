-- Appends recorded events to a conversation's stream. KEYS: the stream.
-- ARGV: ttl ms (0: no expiry), max entries kept (0: no cap), then one JSON event per argument.
local maxlen = tonumber(ARGV[2])
for i = 3, #ARGV do
  if maxlen > 0 then
    redis.call('XADD', KEYS[1], 'MAXLEN', '~', maxlen, '*', 'event', ARGV[i])
  else
    redis.call('XADD', KEYS[1], '*', 'event', ARGV[i])
  end
end
if tonumber(ARGV[1]) > 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return #ARGV - 2
