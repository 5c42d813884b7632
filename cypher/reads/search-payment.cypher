// Search: payment ids by prefix, case-insensitive.
// @param q — the typed text, trimmed and lower case
// @param limit
MATCH (x:Payment) WHERE toLower(x.id) STARTS WITH $q
RETURN 'Payment' AS type, x.id AS id, x.id AS label, NULL AS ringId ORDER BY id LIMIT $limit;
