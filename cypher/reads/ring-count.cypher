// How many rings pass the ring list's filters (the same WHERE as every ring-page-by-* file).
// @param level — low, medium or high; null: any
// @param minScore — null: any
// @param minSize — null: any
// @param country — an ISO code, upper case; null: any
// @param anyRing — true: every ring; false: only those in ringIds
// @param ringIds — the rings with a case of the asked status (a list, never null: the embedded engine cannot bind a null list)
MATCH (r:Ring)
WHERE ($level IS NULL OR r.level = $level)
  AND ($minScore IS NULL OR r.score >= $minScore)
  AND ($minSize IS NULL OR r.size >= $minSize)
  AND ($country IS NULL OR $country IN r.countries)
  AND ($anyRing OR r.id IN $ringIds)
RETURN count(r) AS total;
