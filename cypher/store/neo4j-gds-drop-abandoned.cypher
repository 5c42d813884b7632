// In-store analysis: drops ringlens projections made at or before $before (epoch ms). A run
// drops its own on the way out; these are what a killed run left in GDS's catalogue.
// @param before
CALL gds.graph.list() YIELD graphName, creationTime
WITH graphName, creationTime WHERE graphName STARTS WITH 'ringlens-' AND creationTime <= datetime({epochMillis: $before})
CALL gds.graph.drop(graphName, false) YIELD graphName AS dropped
RETURN dropped
