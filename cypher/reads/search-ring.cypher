// Search: rings by id prefix, case-insensitive.
// @param q — the typed text, trimmed and lower case
// @param limit
MATCH (r:Ring) WHERE toLower(r.id) STARTS WITH $q
RETURN 'Ring' AS type, r.id AS id, r.id AS label, r.id AS ringId ORDER BY id LIMIT $limit;
