-- Deletes a conversation. Returns how many of its three keys existed.
return redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
