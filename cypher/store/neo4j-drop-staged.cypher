// This analysis's staging, after it failed: the current rings stay.
// @param analysisId
MATCH (s:RingStaged {analysisId: $analysisId}) DETACH DELETE s
