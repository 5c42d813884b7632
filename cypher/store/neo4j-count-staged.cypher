// How many rings this analysis staged: fewer than it wrote means another analysis deleted them.
// @param analysisId
MATCH (s:RingStaged {analysisId: $analysisId}) RETURN count(s) AS staged
