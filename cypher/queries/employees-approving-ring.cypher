// @name employees-approving-ring
// @title Employees approving refunds for many members of one ring
// @description Support employees who approved refunds for at least N different members of the same ring: the classic sign of a bribed insider.
// @param minMembers: int = 3 — at least this many ring members served
// @param limit: int = 100 — rows to return
// @returns table
MATCH (r:Ring)<-[:MEMBER_OF]-(a:Account)-[:REQUESTED]->(f:Refund)<-[:APPROVED]-(e:Employee)
WITH r, e, count(DISTINCT a) AS members, count(f) AS refunds, sum(f.amount) AS value
WHERE members >= $minMembers
RETURN e.id AS employee, e.name AS name, r.id AS ring, members, refunds, value
ORDER BY members DESC, refunds DESC, employee
LIMIT $limit
