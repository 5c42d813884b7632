// @name employees-approving-ring
// @title Employees approving refunds for many members of one ring
// @description Support employees who approved refunds for at least N different members of the same ring: the classic sign of a bribed insider.
// @param minMembers: int(1..) = 3 — at least this many ring members served
// @param limit: int(1..10000) = 100 — rows to return
// @returns table
MATCH (r:Ring)<-[:MEMBER_OF]-(a:Account)-[:REQUESTED]->(f:Refund)<-[:APPROVED]-(e:Employee)
// Two steps: kuzu 0.11.3 returns 0 for count(f) beside count(DISTINCT a) in one aggregation.
WITH r, e, a, count(f) AS perMember, sum(f.amount) AS valuePerMember
WITH r, e, count(a) AS members, sum(perMember) AS refunds, sum(valuePerMember) AS value
WHERE members >= $minMembers
RETURN e.id AS employee, e.name AS name, r.id AS ring, members, refunds, value
ORDER BY members DESC, refunds DESC, employee
LIMIT $limit
