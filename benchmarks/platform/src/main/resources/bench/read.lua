-- One GET, repeated; prints the figures as one JSON line for the benchmark to read.
-- usage: wrk ... -s read.lua <url>
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK {"requests":%d,"durationUs":%d,"p50Us":%d,"p90Us":%d,"p95Us":%d,"p99Us":%d,"meanUs":%.1f,' ..
    '"non2xx":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(95), latency:percentile(99), latency.mean, errors.status, errors.connect, errors.read, errors.write,
    errors.timeout))
end
