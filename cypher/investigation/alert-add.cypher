// Stores one raised alert, open.
// @param id
// @param kind
// @param raisedAt
// @param caseId
// @param ringId
// @param accountId
// @param identifierKind
// @param identifierId
// @param watchId
// @param message
// @param detail
CREATE (a:Alert {id: $id, kind: $kind, status: 'open', raisedAt: $raisedAt, caseId: $caseId, ringId: $ringId, accountId: $accountId,
  identifierKind: $identifierKind, identifierId: $identifierId, watchId: $watchId, message: $message, detail: $detail})
RETURN a.id AS id
