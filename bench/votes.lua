-- Votes through the API by many different people: each request is a PUT by a random person (token) on a random
-- statement of the consultation, agreeing, disagreeing or passing at random. The report counts each acknowledged
-- vote (200) as "existed".
dofile(os.getenv("BENCH_DIR") .. "/report.lua")

local tokens, ids = {}, {}
for line in io.lines(os.getenv("BENCH_TOKENS")) do
  local token = line:match(",(.+)$")
  if token then table.insert(tokens, token) end
end
for id in io.lines(os.getenv("BENCH_IDS")) do table.insert(ids, id) end

local path = "/api/v1/consultations/" .. os.getenv("BENCH_SLUG") .. "/statements/"
local choices = { '{"vote":"agree"}', '{"vote":"disagree"}', '{"vote":"pass"}' }

request = function()
  return wrk.format("PUT", path .. ids[math.random(#ids)] .. "/vote",
    { ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)], ["Content-Type"] = "application/json" },
    choices[math.random(#choices)])
end
