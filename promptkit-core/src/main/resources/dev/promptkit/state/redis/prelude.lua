-- Shared by the conversation scripts, which RedisStateStore runs with this prelude prepended.
-- A conversation is three keys, passed in this order: meta (string), messages (list), metadata (hash). A script
-- takes the keys of one conversation only: they share a Redis Cluster hash tag, so they are in one slot.

local KINDS = { 'string', 'list', 'hash' }

-- Fails, before anything is written, when a key of the conversation holds another type.
local function check_layout()
    for i = 1, 3 do
        local kind = redis.call('TYPE', KEYS[i]).ok
        if kind ~= 'none' and kind ~= KINDS[i] then
            error('WRONGTYPE ' .. KEYS[i] .. ' holds a ' .. kind .. ', not a ' .. KINDS[i])
        end
    end
end

-- Runs COMMAND key ARGV[from..to] in batches: Lua's unpack takes a few thousand values at most.
-- The batch size is even, so HSET field/value pairs never split.
local function batched(command, key, from, to)
    for i = from, to, 1000 do
        redis.call(command, key, unpack(ARGV, i, math.min(i + 999, to)))
    end
end

-- Appends ARGV[6..] to the conversation at KEYS[1..3]: ARGV[5] messages, then metadata field/value pairs.
local function write_turn()
    local count = tonumber(ARGV[5])
    batched('RPUSH', KEYS[2], 6, 5 + count)
    batched('HSET', KEYS[3], 6 + count, #ARGV)
end

-- The version of the history in the meta JSON at key: 0 when there is none (a new conversation, or one stored
-- before versions were kept).
local function stored_version(key)
    local meta = redis.call('GET', key)
    if not meta then
        return 0
    end
    local ok, decoded = pcall(cjson.decode, meta)
    if ok and type(decoded) == 'table' and tonumber(decoded.version) then
        return tonumber(decoded.version)
    end
    return 0
end

local function write_meta(key, id, now, count, version)
    redis.call('SET', key, cjson.encode({ id = id, updated_at = now, message_count = count, version = version }))
end

-- Gives the conversation a time to live of ttl milliseconds, or none when ttl is 0.
local function expire(ttl)
    for i = 1, 3 do
        if ttl > 0 then
            redis.call('PEXPIRE', KEYS[i], ttl)
        else
            redis.call('PERSIST', KEYS[i])
        end
    end
end

