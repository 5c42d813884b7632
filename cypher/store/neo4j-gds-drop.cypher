// In-store analysis: drops projection $graph from GDS's catalogue (no error when it is gone).
// @param graph
CALL gds.graph.drop($graph, false) YIELD graphName
RETURN graphName
