// One page of ring summaries passing the ring list's filters, highest size first. One file per
// sort key rather than an ORDER BY CASE, so each engine sees a plain sort on one property.
// @param level — low, medium or high; null: any
// @param minScore — null: any
// @param minSize — null: any
// @param country — an ISO code, upper case; null: any
// @param anyRing — true: every ring; false: only those in ringIds
// @param ringIds — the rings with a case of the asked status (a list, never null: the embedded engine cannot bind a null list)
// @param offset
// @param limit
MATCH (r:Ring)
WHERE ($level IS NULL OR r.level = $level)
  AND ($minScore IS NULL OR r.score >= $minScore)
  AND ($minSize IS NULL OR r.size >= $minSize)
  AND ($country IS NULL OR $country IN r.countries)
  AND ($anyRing OR r.id IN $ringIds)
RETURN r.id AS id, r.size AS size, r.score AS score, r.level AS level, r.countries AS countries,
  r.refundCount AS refundCount, r.refundValue AS refundValue, r.noReturnShare AS noReturnShare, r.insiderCount AS insiderCount
ORDER BY r.size DESC, r.id SKIP $offset LIMIT $limit;
