-- Supports through the API by many different people: each request is a PUT by a random person (token) on
-- a random open request. The report counts what was acknowledged as created.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")

local tokens, ids = {}, {}
for line in io.lines(os.getenv("BENCH_TOKENS")) do
  local token = line:match(",(.+)$")
  if token then table.insert(tokens, token) end
end
for id in io.lines(os.getenv("BENCH_IDS")) do table.insert(ids, id) end

local write_share = tonumber(os.getenv("BENCH_WRITE_SHARE") or "1")

request = function()
  local id = ids[math.random(#ids)]
  if math.random() < write_share then
    return wrk.format("PUT", "/api/v1/requests/" .. id .. "/support", { ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] })
  end
  return wrk.format("GET", "/requests/" .. id)
end
