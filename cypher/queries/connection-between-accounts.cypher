// @name connection-between-accounts
// @title Shortest connection between two accounts
// @description The shortest chain of shared addresses and devices joining two accounts, up to K hops (at most 6).
// @param from: string — first account id
// @param to: string — second account id
// @param maxHops: int(1..6) = 6 — longest chain to accept (1–6)
// @returns graph
MATCH p = shortestPath((a:Account {id: $from})-[:SHIPS_TO|USES*..6]-(b:Account {id: $to}))
WHERE length(p) <= $maxHops
RETURN p
