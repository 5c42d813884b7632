// Embedded engine: intervals come from to_days() instead of duration({days: …}).
MATCH (a:Account)-[:REQUESTED]->(f:Refund)
WHERE f.returned = false AND f.amount >= $minAmount
  AND f.category IN ['laptop', 'phone', 'console', 'jewelry', 'gold', 'tablet', 'camera']
  AND a.createdAt IS NOT NULL AND f.requestedAt IS NOT NULL
  AND f.requestedAt < a.createdAt + to_days($maxAgeDays)
RETURN a.id AS account, a.country AS country, a.createdAt AS opened, f.id AS refund, f.item AS item, f.amount AS amount, f.requestedAt AS requested
ORDER BY amount DESC, refund
LIMIT $limit
