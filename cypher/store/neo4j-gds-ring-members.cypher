// In-store analysis: per ring of $rings ([{r, members}]), its members' countries, and of the
// members with a known opening date and a dated refund, how many asked within $youngMs of
// opening (the young-accounts reason).
// @param rings
// @param youngMs
UNWIND $rings AS ring
UNWIND ring.members AS id
MATCH (a:Account {id: id})
OPTIONAL MATCH (a)-[:REQUESTED]->(f:Refund)
WITH ring.r AS r, a, min(f.requestedAt) AS first
WITH r, a, first, a.createdAt AS created
RETURN r, collect(a.country) AS countries,
  sum(CASE WHEN first IS NOT NULL AND created IS NOT NULL THEN 1 ELSE 0 END) AS datedMembers,
  sum(CASE WHEN first IS NOT NULL AND created IS NOT NULL AND first <= created + duration({milliseconds: $youngMs}) THEN 1 ELSE 0 END) AS youngMembers
