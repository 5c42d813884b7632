// One alert.
// @param id
MATCH (a:Alert {id: $id})
RETURN a.id AS id, a.kind AS kind, a.status AS status, a.raisedAt AS raisedAt, a.caseId AS caseId, a.ringId AS ringId, a.accountId AS accountId, a.identifierKind AS identifierKind, a.identifierId AS identifierId, a.watchId AS watchId, a.message AS message, a.detail AS detail, a.acknowledgedBy AS acknowledgedBy, a.acknowledgedAt AS acknowledgedAt
