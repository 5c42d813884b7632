// In-store analysis: approvals per employee over the whole data (refunds with a requester),
// the normal share each insider's lift is measured against.
// @param statusDefault
MATCH (:Account)-[:REQUESTED]->(f:Refund)<-[:APPROVED]-(e:Employee)
WHERE toLower(CASE WHEN f.status IS NULL OR f.status = '' THEN $statusDefault ELSE f.status END) = 'approved'
RETURN e.id AS employeeId, count(*) AS approvals
