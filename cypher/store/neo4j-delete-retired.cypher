// Deletes one batch of replaced rings; the writer repeats it until a batch comes back short.
// @param batchSize
MATCH (r:RingRetired) WITH r LIMIT $batchSize DETACH DELETE r RETURN count(*) AS deleted
