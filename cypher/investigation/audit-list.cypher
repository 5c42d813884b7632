// The audit trail, newest first, optionally of one case or one actor.
// @param caseId — null for every case
// @param actor — null for everyone
// @param limit
MATCH (a:Audit)
WHERE ($caseId IS NULL OR a.caseId = $caseId) AND ($actor IS NULL OR a.actor = $actor)
RETURN a.id AS id, a.recordedAt AS at, a.actor AS actor, a.action AS action, a.caseId AS caseId, a.ringId AS ringId, a.before AS before, a.after AS after, a.note AS note
ORDER BY at DESC, id DESC LIMIT $limit
