-- A steady mix of reading pages and writes for wrk. One request in WRITE_EVERY is a write (a reply to the thread's
-- first post, by the member whose cookies SOAK_COOKIE holds); the rest cycle through the reading pages. Counts responses by class per thread.
local pages = {
  "/", "/t/scheming-ais", "/t/scheming-ais?order=newest", "/t/scheming-ais/outline", "/t/scheming-ais/map",
  "/api/threads/scheming-ais", "/t/scheming-ais/posts?from=10", "/authors/" .. (os.getenv("SOAK_AUTHOR") or "x"),
}
local token = os.getenv("SOAK_TOKEN")
local cookie = os.getenv("SOAK_COOKIE")
local write_every = tonumber(os.getenv("WRITE_EVERY") or "20")
local thread_slug = os.getenv("SOAK_THREAD") or "scheming-ais"
local parent = os.getenv("SOAK_PARENT")
local threads = {}
local id = 0

function setup(thread)
  id = id + 1
  thread:set("id", id)
  table.insert(threads, thread)
end

function init(args)
  n, s2xx, s3xx, s4xx, s5xx, writes = 0, 0, 0, 0, 0, 0
  math.randomseed(os.time() + id)
  run = tostring(math.random(100000, 999999))
end

request = function()
  n = n + 1
  if n % write_every == 0 then
    writes = writes + 1
    local text = "Soak reply " .. run .. " from thread " .. id .. ", request " .. n .. "."
    local body = "__RequestVerificationToken=" .. token .. "&Input.ParentId=" .. parent .. "&Input.Body=" ..
      text:gsub(" ", "+"):gsub(",", "%%2C")
    return wrk.format("POST", "/t/" .. thread_slug .. "/reply",
      { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, body)
  end
  return wrk.format("GET", pages[(n % #pages) + 1])
end

response = function(status, headers, body)
  if status >= 500 then s5xx = s5xx + 1
  elseif status >= 400 then s4xx = s4xx + 1
  elseif status >= 300 then s3xx = s3xx + 1
  else s2xx = s2xx + 1 end
end

done = function(summary, latency, requests)
  local t = { s2xx = 0, s3xx = 0, s4xx = 0, s5xx = 0, writes = 0 }
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + thread:get(k) end
  end
  io.write(string.format("RESULT 2xx=%d 3xx=%d 4xx=%d 5xx=%d writes_sent=%d p50_ms=%.1f p99_ms=%.1f\n",
    t.s2xx, t.s3xx, t.s4xx, t.s5xx, t.writes, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
