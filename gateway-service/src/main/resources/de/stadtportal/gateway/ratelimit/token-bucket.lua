-- TokenBucket#take in one atomic step, on one hash per client, in microseconds of Redis's own
-- clock (so every gateway instance measures time alike; doubles hold epoch microseconds exactly).
-- KEYS[1]  the client's bucket: hash {tokens, updated}
-- ARGV[1]  capacity; ARGV[2] period in microseconds
-- returns  {allowed 1|0, tokens left, updated, microseconds until the next token (0 when allowed)}
local capacity = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local per_token = math.max(1, math.floor(period / capacity))

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])

local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(bucket[1])
local updated = tonumber(bucket[2])
if tokens == nil or updated == nil then
  -- a client seen for the first time (or forgotten) starts with a full bucket
  tokens = capacity
  updated = now
end

local earned = math.floor(math.max(0, now - updated) / per_token)
if earned > 0 then
  tokens = math.min(capacity, tokens + earned)
  -- keep the part of a token already earned, unless the bucket is full anyway
  if tokens == capacity then
    updated = now
  else
    updated = updated + earned * per_token
  end
end

local allowed = 0
local wait = 0
if tokens > 0 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.max(1, per_token - (now - updated))
end

redis.call('HSET', KEYS[1], 'tokens', tokens, 'updated', updated)
-- after one whole period untouched the bucket would be full again: the key may go
redis.call('PEXPIRE', KEYS[1], math.ceil(period / 1000))
return {allowed, tokens, updated, wait}
