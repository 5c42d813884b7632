// In-store analysis: per ring of $rings ([{r, members}]), its members' refund counts for the
// score (approved ones, their value, those not returned, those of a high-value category; every
// request time, approved or not), their countries, and of the members with a known opening date
// and a dated refund, how many asked within $youngMs of opening. The same counts as tallyRing in
// server/domain/rings/ring-facts.ts, one index seek a member.
// @param rings
// @param highValue
// @param statusDefault
// @param youngMs
UNWIND $rings AS ring
UNWIND ring.members AS id
MATCH (a:Account {id: id})
OPTIONAL MATCH (a)-[:REQUESTED]->(f:Refund)
WITH ring.r AS r, a, f,
  f IS NOT NULL AND toLower(CASE WHEN f.status IS NULL OR f.status = '' THEN $statusDefault ELSE f.status END) = 'approved' AS approved
WITH r, a, min(f.requestedAt) AS first, collect(f.requestedAt) AS times,
  sum(CASE WHEN approved THEN 1 ELSE 0 END) AS refundCount,
  sum(CASE WHEN approved THEN coalesce(f.amount, 0) ELSE 0 END) AS refundValue,
  sum(CASE WHEN approved AND f.returned = false THEN 1 ELSE 0 END) AS noReturnCount,
  sum(CASE WHEN approved AND toLower(f.category) IN $highValue THEN 1 ELSE 0 END) AS highValueCount
RETURN r, collect(a.country) AS countries,
  sum(refundCount) AS refundCount, sum(refundValue) AS refundValue,
  sum(noReturnCount) AS noReturnCount, sum(highValueCount) AS highValueCount,
  collect(times) AS requestTimes,
  sum(CASE WHEN first IS NOT NULL AND a.createdAt IS NOT NULL THEN 1 ELSE 0 END) AS datedMembers,
  sum(CASE WHEN first IS NOT NULL AND a.createdAt IS NOT NULL AND first <= a.createdAt + duration({milliseconds: $youngMs}) THEN 1 ELSE 0 END) AS youngMembers
