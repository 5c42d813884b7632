// In-store analysis: per ring of $rings ([{r, members}]) and employee, the ring's approved
// refunds the employee approved, and how many of them were not returned (insider attribution).
// @param rings
// @param statusDefault
UNWIND $rings AS ring
UNWIND ring.members AS id
MATCH (:Account {id: id})-[:REQUESTED]->(f:Refund)<-[:APPROVED]-(e:Employee)
WHERE toLower(CASE WHEN f.status IS NULL OR f.status = '' THEN $statusDefault ELSE f.status END) = 'approved'
RETURN ring.r AS r, e.id AS employeeId, count(*) AS k, sum(CASE WHEN f.returned = false THEN 1 ELSE 0 END) AS m
