-- Moves one conversation from the layout without a hash tag (KEYS[1..3]: meta, messages, metadata) to the
-- cluster-safe layout (KEYS[4..6]), keeping every value and time to live as they are (RENAME).
-- Returns 1 when moved; 0, having changed nothing, when the old meta is gone or the new layout has the conversation
-- already (written since by a newer version, which wins).
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('EXISTS', KEYS[4]) == 1 then
    return 0
end
for i = 1, 3 do
    if redis.call('EXISTS', KEYS[i]) == 1 then
        redis.call('RENAME', KEYS[i], KEYS[i + 3])
    else
        redis.call('DEL', KEYS[i + 3])
    end
end
return 1
