// Staging left by analyses that did not finish.
MATCH (s:RingStaged) WHERE s.analysisId <> $analysisId DETACH DELETE s
