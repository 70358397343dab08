-- Posts a visit, as the visit form does, to each child of LOS_CHILDREN (their page paths) in turn,
-- dated LOS_TODAY; then prints the percentiles we judge by.
local children = {}
for path in string.gmatch(os.getenv("LOS_CHILDREN") or "", "%S+") do table.insert(children, path) end
local year, month, day = string.match(os.getenv("LOS_TODAY") or "", "(%d+)-(%d+)-(%d+)")
local body = string.format("date-day=%d&date-month=%d&date-year=%d&kind=planned&location=home&seen=yes&seenAlone=yes",
  tonumber(day), tonumber(month), tonumber(year))
local next_child = 0

-- wrk.format replaces wrk.headers (the session cookie, the CSRF token) with the headers it is
-- given, so set the content type on wrk.headers itself.
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"

request = function()
  next_child = next_child % #children + 1
  return wrk.format("POST", children[next_child] .. "/record/visits", nil, body)
end

-- A saved form redirects (303) to the event; a refused one (422) counts in wrk's errors.
dofile(os.getenv("LOS_PERCENTILES"))
