// @name ring-refunds-no-return
// @title A ring's refunds without return
// @description Every refund of a ring's members where the item was not returned, largest first, with the employee who approved it.
// @param ringId: string — the ring's id (from the ring list)
// @param limit: int(1..10000) = 200 — rows to return
// @returns table
MATCH (a:Account)-[:MEMBER_OF]->(r:Ring {id: $ringId})
MATCH (a)-[:REQUESTED]->(f:Refund)
WHERE f.returned = false
OPTIONAL MATCH (e:Employee)-[:APPROVED]->(f)
RETURN a.id AS account, f.id AS refund, f.item AS item, f.category AS category, f.amount AS amount, f.currency AS currency, e.id AS approvedBy
ORDER BY amount DESC, refund
LIMIT $limit
