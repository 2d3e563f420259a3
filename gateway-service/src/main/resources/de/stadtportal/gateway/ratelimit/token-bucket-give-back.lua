-- TokenBucket#giveBack in one atomic step: one token back into a client's bucket, never beyond the
-- capacity. A bucket that is gone (expired) is full already, so nothing is written then.
-- KEYS[1]  the client's bucket: hash {tokens, updated}
-- ARGV[1]  capacity
-- returns  the tokens now in the bucket, or -1 when there is no bucket
local tokens = tonumber(redis.call('HGET', KEYS[1], 'tokens'))
if tokens == nil then
  return -1
end
if tokens < tonumber(ARGV[1]) then
  tokens = redis.call('HINCRBY', KEYS[1], 'tokens', 1)
end
return tokens
