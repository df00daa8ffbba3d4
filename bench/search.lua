-- The site search with a realistic mix of queries: each request takes the next address from BENCH_PATHS
-- (one a line, like /api/v1/search?q=air%20quality), each thread starting at a different place in the list.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")

local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if #line > 0 then table.insert(paths, line) end
end
local next_path = 1

local base_init = init
function init(args)
  base_init(args)
  next_path = math.random(#paths)
end

request = function()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end
