// Alerts, newest first, optionally of one status.
// @param status — null for any
// @param limit
MATCH (a:Alert)
WHERE $status IS NULL OR a.status = $status
RETURN a.id AS id, a.kind AS kind, a.status AS status, a.raisedAt AS raisedAt, a.caseId AS caseId, a.ringId AS ringId, a.accountId AS accountId, a.identifierKind AS identifierKind, a.identifierId AS identifierId, a.watchId AS watchId, a.message AS message, a.detail AS detail, a.acknowledgedBy AS acknowledgedBy, a.acknowledgedAt AS acknowledgedAt
ORDER BY raisedAt DESC, id LIMIT $limit
