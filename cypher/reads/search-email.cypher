// Search: emails by prefix (stored lower case).
// @param q — the typed text, trimmed and lower case
// @param limit
MATCH (x:Email) WHERE x.id STARTS WITH $q
RETURN 'Email' AS type, x.id AS id, x.id AS label, NULL AS ringId ORDER BY id LIMIT $limit;
