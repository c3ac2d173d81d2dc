-- Shared by the pending-call scripts, which RedisPendingStore runs with this prelude prepended.
-- A held call is a hash: 'call' (its JSON as held), 'decision' once someone decided, 'result' (JSON) once it has one.

-- Turns a call stored as a plain string (its JSON, as versions before decisions were kept wrote it) into the hash,
-- keeping its time to live, so that calls held before an upgrade can still be decided.
local function upgrade(key)
    if redis.call('TYPE', key).ok == 'string' then
        local call = redis.call('GET', key)
        local ttl = redis.call('PTTL', key)
        redis.call('DEL', key)
        redis.call('HSET', key, 'call', call)
        if ttl > 0 then
            redis.call('PEXPIRE', key, ttl)
        end
    end
end

