// Cases, optionally of one status and one assignee, the latest changed first.
// @param status — null for any
// @param assignee — null for any
// @param limit
MATCH (c:RingCase)
WHERE ($status IS NULL OR c.status = $status) AND ($assignee IS NULL OR c.assignee = $assignee)
RETURN c.id AS id, c.ringId AS ringId, c.status AS status, c.assignee AS assignee, c.openedAt AS openedAt, c.updatedAt AS updatedAt
ORDER BY updatedAt DESC, id LIMIT $limit
