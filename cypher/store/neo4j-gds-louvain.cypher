// In-store analysis: Louvain communities of one oversized group, projected from $pairs
// ([a, b, weight] over the group's member positions, the weighted account–account ties of
// server/domain/rings/split-communities.ts) as $graph. Concurrency 1: GDS's Louvain takes no
// random seed, and one thread makes it visit nodes in the same order every run.
// @param graph
// @param pairs
UNWIND $pairs AS p
WITH gds.graph.project($graph, p[0], p[1], {relationshipProperties: {weight: toFloat(p[2])}}, {undirectedRelationshipTypes: ['*']}) AS g
CALL gds.louvain.stream($graph, {relationshipWeightProperty: 'weight', concurrency: 1}) YIELD nodeId, communityId
RETURN nodeId AS position, communityId ORDER BY position
