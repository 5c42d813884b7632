// Creates or updates one case: its ring, status, assignee and times.
// @param id
// @param ringId
// @param status
// @param assignee
// @param openedAt
// @param updatedAt
MERGE (c:RingCase {id: $id})
SET c.ringId = $ringId, c.status = $status, c.assignee = $assignee, c.openedAt = $openedAt, c.updatedAt = $updatedAt
RETURN c.id AS id
