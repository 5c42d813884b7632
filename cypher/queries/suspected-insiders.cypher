// @name suspected-insiders
// @title Suspected insiders
// @description Employees attached to rings by the last analysis, with their share of the ring's approvals and why.
// @param minScore: float(0..) = 0 — smallest insider score
// @param limit: int(1..10000) = 100 — rows to return
// @returns table
MATCH (e:Employee)-[s:SUSPECTED_IN]->(r:Ring)
WHERE s.score >= $minScore
RETURN e.id AS employee, e.name AS name, e.team AS team, r.id AS ring, r.level AS level, s.share AS share, s.lift AS lift, s.reason AS reason
ORDER BY s.score DESC, employee
LIMIT $limit
