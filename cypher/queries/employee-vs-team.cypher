// @name employee-vs-team
// @title An employee's approvals compared with their team
// @description Approvals, refunds without return and refunded value of each member of an employee's team, so one agent's outlier pattern stands out.
// @param employeeId: string — the employee to compare
// @returns table
MATCH (e:Employee {id: $employeeId})
MATCH (t:Employee)
WHERE t.team = e.team
OPTIONAL MATCH (t)-[:APPROVED]->(f:Refund)
WITH t, count(f) AS approvals, sum(CASE WHEN f.returned = false THEN 1 ELSE 0 END) AS noReturn, sum(f.amount) AS value
RETURN t.id AS employee, t.name AS name, t.team AS team, approvals, noReturn, value,
  CASE WHEN approvals = 0 THEN 0.0 ELSE 1.0 * noReturn / approvals END AS noReturnShare
ORDER BY noReturnShare DESC, employee
