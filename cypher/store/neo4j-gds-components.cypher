// In-store analysis: the connected groups of at least $minSize accounts in projection $graph
// (gds.wcc), each with its members' ids and how many of them behave like a ring member (a
// high-value refund kept without return, or asked for within $newAccountMs of opening: the
// rule of server/domain/rings/ring-behaviour.ts). Only groups come back, never links.
// @param graph
// @param minSize
// @param highValue
// @param statusDefault
// @param newAccountMs
CALL gds.wcc.stream($graph) YIELD nodeId, componentId
WITH componentId, nodeId WHERE nodeId % 16 = 0
WITH componentId, collect(nodeId / 16) AS nodes WHERE size(nodes) >= $minSize
UNWIND nodes AS node
MATCH (a:Account) WHERE id(a) = node
WITH componentId, a, EXISTS {
  MATCH (a)-[:REQUESTED]->(f:Refund)
  WHERE toLower(f.category) IN $highValue AND (
    (toLower(CASE WHEN f.status IS NULL OR f.status = '' THEN $statusDefault ELSE f.status END) = 'approved' AND f.returned = false)
    OR f.requestedAt <= a.createdAt + duration({milliseconds: $newAccountMs}))
} AS behaves
RETURN componentId, collect(a.id) AS members, sum(CASE WHEN behaves THEN 1 ELSE 0 END) AS behaving
