// @name refund-velocity
// @title Accounts with many refunds in a short time
// @description Accounts with at least N refund requests inside any window of D days.
// @param minRefunds: int(1..) = 3 — refunds inside one window
// @param days: int(1..) = 7 — window length in days
// @param limit: int(1..10000) = 200 — rows to return
// @returns table
// Two MATCH clauses, not one comma pattern: Neo4j never binds one relationship twice inside a
// MATCH, so there f2 could not be f1 and every window would miss its own first refund. Like the
// embedded engine, a window starting at f1 counts f1.
MATCH (a:Account)-[:REQUESTED]->(f1:Refund)
MATCH (a)-[:REQUESTED]->(f2:Refund)
WHERE f1.requestedAt IS NOT NULL AND f2.requestedAt >= f1.requestedAt
  AND f2.requestedAt < f1.requestedAt + duration({days: $days})
WITH a, f1, count(f2) AS inWindow
WHERE inWindow >= $minRefunds
RETURN a.id AS account, a.country AS country, max(inWindow) AS refundsInWindow
ORDER BY refundsInWindow DESC, account
LIMIT $limit
