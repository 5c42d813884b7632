// @name rings-multi-country
// @title Rings spanning several countries
// @description Detected rings whose members live in at least C countries, highest risk first.
// @param minCountries: int(1..) = 3 — at least this many member countries
// @param limit: int(1..10000) = 100 — rows to return
// @returns table
MATCH (r:Ring)
WHERE size(r.countries) >= $minCountries
RETURN r.id AS ring, r.level AS level, r.score AS score, r.size AS size, r.countries AS countries, r.refundValue AS refundValue
ORDER BY score DESC, ring
LIMIT $limit
