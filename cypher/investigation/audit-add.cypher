// Records one write: who, when, what, on which case and ring, before and after (JSON text).
// @param id
// @param at
// @param actor
// @param action
// @param caseId
// @param ringId
// @param before
// @param after
// @param note
CREATE (a:Audit {id: $id, recordedAt: $at, actor: $actor, action: $action, caseId: $caseId, ringId: $ringId, before: $before, after: $after, note: $note})
RETURN a.id AS id
