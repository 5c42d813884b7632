// The case on one ring (at most one: a case moves with its ring).
// @param ringId
MATCH (c:RingCase {ringId: $ringId})
RETURN c.id AS id, c.ringId AS ringId, c.status AS status, c.assignee AS assignee, c.openedAt AS openedAt, c.updatedAt AS updatedAt
ORDER BY updatedAt DESC LIMIT 1
