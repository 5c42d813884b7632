// In-store analysis: per ring of $rings ([{r, members}]), its refunds' counts for the score:
// approved ones, their value, those not returned, those of a high-value category, and every
// request time (approved or not). The same counts as tallyRing in server/domain/rings/ring-facts.ts.
// @param rings
// @param highValue
// @param statusDefault
UNWIND $rings AS ring
UNWIND ring.members AS id
MATCH (:Account {id: id})-[:REQUESTED]->(f:Refund)
WITH ring.r AS r, f,
  toLower(CASE WHEN f.status IS NULL OR f.status = '' THEN $statusDefault ELSE f.status END) = 'approved' AS approved
RETURN r,
  sum(CASE WHEN approved THEN 1 ELSE 0 END) AS refundCount,
  sum(CASE WHEN approved THEN coalesce(f.amount, 0) ELSE 0 END) AS refundValue,
  sum(CASE WHEN approved AND f.returned = false THEN 1 ELSE 0 END) AS noReturnCount,
  sum(CASE WHEN approved AND toLower(f.category) IN $highValue THEN 1 ELSE 0 END) AS highValueCount,
  collect(f.requestedAt) AS requestTimes
