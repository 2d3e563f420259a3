-- Creates events through the gateway, each with the run's marker word in its title, and counts
-- the events created (a 201 to a batch of n counts n) and the requests refused (anything else).
-- With a batch size over 1, each request is one POST /api/events/batch of that many events.
-- usage: wrk ... -s write-events.lua <gateway> -- <token> <city> <venueId> <marker> <start> <end> [<batch>]
local threads = {}

setup = function(thread)
  thread:set("number", #threads)
  table.insert(threads, thread)
end

init = function(args)
  token, city, venue, marker, startsAt, endsAt = args[1], args[2], args[3], args[4], args[5], args[6]
  batch = tonumber(args[7] or "1")
  sent, created, refused = 0, 0, 0
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

local function event()
  sent = sent + 1
  return string.format(
    '{"city":"%s","venueId":"%s","title":"Messkonzert %s %d-%d","description":"Ein Konzert, ' ..
    'angemeldet von der Lastmessung.","category":"konzert","start":"%s","end":"%s",' ..
    '"price":{"free":true,"currency":"EUR"}}',
    city, venue, marker, number, sent, startsAt, endsAt)
end

request = function()
  if batch <= 1 then
    return wrk.format("POST", "/api/events", headers, event())
  end
  local events = {}
  for i = 1, batch do
    events[i] = event()
  end
  return wrk.format("POST", "/api/events/batch", headers, '{"events":[' .. table.concat(events, ",") .. ']}')
end

response = function(status, headers, body)
  if status == 201 then created = created + batch else refused = refused + 1 end
end

done = function(summary, latency, requests)
  local made, refusals = 0, 0
  for _, thread in ipairs(threads) do
    made = made + thread:get("created")
    refusals = refusals + thread:get("refused")
  end
  local errors = summary.errors
  io.write(string.format(
    'WRK {"requests":%d,"durationUs":%d,"p50Us":%d,"p90Us":%d,"p99Us":%d,"meanUs":%.1f,' ..
    '"non2xx":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,"created":%d,"refused":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.mean, errors.status, errors.connect, errors.read, errors.write,
    errors.timeout, made, refusals))
end
