-- One wrk script for every load scenario (bench/run.sh sets the environment):
--   BENCH_MODE=get     GET BENCH_PATH again and again (with BENCH_COOKIE when set: as a signed-in member)
--   BENCH_MODE=search  GET /search?q=... with a query picked at random from the lines of BENCH_QUERIES
--   BENCH_MODE=reply   POST BENCH_BODY (a reply form) to BENCH_PATH with BENCH_COOKIE; only a redirect to the post counts
-- done() prints one RESULT line that run.sh reads: requests/s, p50 and p99 in ms, and the failed requests
-- (socket errors and timeouts, 4xx/5xx, and for writes any answer but the redirect).
local mode = os.getenv("BENCH_MODE") or "get"
local path = os.getenv("BENCH_PATH") or "/"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

if mode == "search" then
  local queries = {}
  for line in io.lines(os.getenv("BENCH_QUERIES")) do
    if line ~= "" then table.insert(queries, "/search?q=" .. encode(line)) end
  end
  assert(#queries > 0, "BENCH_QUERIES holds no query")
  function init(args)
    math.randomseed(os.time() + #threads)
  end
  request = function()
    return wrk.format("GET", queries[math.random(#queries)])
  end
elseif mode == "reply" then
  local body = os.getenv("BENCH_BODY")
  local headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = os.getenv("BENCH_COOKIE") }
  request = function()
    return wrk.format("POST", path, headers, body)
  end
  -- A refused reply comes back as the form (200) with its errors, a lost session as a redirect to the login page:
  -- for a write, anything but the redirect to the new post is a failure.
  function init(args)
    refused = 0
  end
  response = function(status, headers, body)
    local location = headers["Location"] or headers["location"] or ""
    if status ~= 302 or not location:find("^/t/") then refused = refused + 1 end
  end
else
  -- With BENCH_COOKIE, as a signed-in member: such pages are never served from the output cache.
  local cookie = os.getenv("BENCH_COOKIE")
  local headers = cookie and { ["Cookie"] = cookie } or {}
  request = function()
    return wrk.format("GET", path, headers)
  end
end

done = function(summary, latency, requests)
  local refused = 0
  if mode == "reply" then
    for _, thread in ipairs(threads) do refused = refused + thread:get("refused") end
  end
  local e = summary.errors
  local sockets = e.connect + e.read + e.write + e.timeout
  -- For writes every 4xx/5xx is also a refusal; count each failed request once.
  local failed = sockets + (mode == "reply" and refused or e.status)
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f failed=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, failed))
end
