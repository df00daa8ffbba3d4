-- Prints one JSON line at the end of a wrk run: requests/s, latency percentiles (ms), errors and,
-- when the requests are writes, how many were created (201) or already there (200).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("number", #threads)
end

function init(args)
  -- Each thread its own random sequence: two threads repeating each other would make half the writes repeats.
  math.randomseed(os.time() * 1000 + number)
  created = 0
  existed = 0
end

function response(status, headers, body)
  if status == 201 then created = created + 1 elseif status == 200 then existed = existed + 1 end
end

function done(summary, latency, requests)
  local made, found = 0, 0
  for _, thread in ipairs(threads) do
    made = made + (thread:get("created") or 0)
    found = found + (thread:get("existed") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50":%.3f,"p95":%.3f,"p99":%.3f,"max":%.3f,"status_errors":%d,"socket_errors":%d,"created":%d,"existed":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, made, found))
end
