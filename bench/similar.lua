-- The similar-requests suggestion made while someone types a title: a different title each time.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")

local words = { "bus", "punctuality", "leeds", "air", "quality", "schools", "hospital", "waiting", "times", "river", "water",
  "housing", "crime", "recycling", "broadband", "library", "court", "pothole", "noise", "food", "hygiene", "train", "delays",
  "cycle", "chargepoint", "flood", "warnings", "benefit", "council", "tax", "carbon", "bridge", "ambulance", "parking", "bristol",
  "glasgow", "norfolk", "ward", "month", "route", "station", "region", "daily", "weekly", "csv" }

request = function()
  local title = {}
  for i = 1, math.random(2, 5) do table.insert(title, words[math.random(#words)]) end
  return wrk.format("GET", "/api/v1/requests/similar?title=" .. table.concat(title, "%20"))
end
