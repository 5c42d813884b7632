// Search: IPs by prefix.
// @param q — the typed text, trimmed and lower case
// @param limit
MATCH (x:IP) WHERE x.id STARTS WITH $q
RETURN 'IP' AS type, x.id AS id, x.id AS label, NULL AS ringId ORDER BY id LIMIT $limit;
