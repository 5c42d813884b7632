// Embedded engine: kuzu writes shortest paths as `* SHORTEST`.
MATCH p = (a:Account {id: $from})-[:SHIPS_TO|USES* SHORTEST 1..6]-(b:Account {id: $to})
WHERE length(p) <= $maxHops
RETURN p
