// The employees suspected in one ring, with the evidence.
// @param id
MATCH (e:Employee)-[s:SUSPECTED_IN]->(:Ring {id: $id})
RETURN e.id AS employeeId, e.name AS name, s.share AS share, s.baseline AS baseline, s.lift AS lift,
  s.approvals AS approvals, s.noReturnApprovals AS noReturnApprovals, s.score AS score, s.reason AS reason
ORDER BY score DESC, employeeId;
