// Staging left by analyses that did not finish.
// @param analysisId
MATCH (s:RingStaged) WHERE s.analysisId <> $analysisId DETACH DELETE s
