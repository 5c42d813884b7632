// This analysis's staged rings become the current ones.
// @param analysisId
MATCH (s:RingStaged {analysisId: $analysisId}) SET s:Ring REMOVE s:RingStaged, s.analysisId
