// This analysis's staging, after it failed: the current rings stay.
MATCH (s:RingStaged {analysisId: $analysisId}) DETACH DELETE s
