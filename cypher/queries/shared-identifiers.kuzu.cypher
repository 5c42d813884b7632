// Embedded engine: kuzu names a node's table with label(x), not labels(x). One MATCH and one
// aggregation on purpose: kuzu 0.x crashes on label() filters after a WITH.
MATCH (a:Account)-[]->(x)<-[]-(b:Account), (a)-[]->(xa), (b)-[]->(xb)
WHERE ($account = '' OR a.id = $account) AND ($account <> '' OR a.id < b.id) AND a.id <> b.id
  AND list_contains($kinds, label(x)) AND list_contains($kinds, label(xa)) AND list_contains($kinds, label(xb))
WITH a, b, count(DISTINCT x) AS sharedCount, count(DISTINCT xa) AS identifiersA, count(DISTINCT xb) AS identifiersB
RETURN a.id AS account, b.id AS other, sharedCount,
  1.0 * sharedCount / (identifiersA + identifiersB - sharedCount) AS jaccard
ORDER BY sharedCount DESC, jaccard DESC, account, other
LIMIT $limit
