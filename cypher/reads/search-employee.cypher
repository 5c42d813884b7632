// Search: employees by id or name prefix, case-insensitive.
// @param q — the typed text, trimmed and lower case
// @param limit
MATCH (e:Employee) WHERE toLower(e.id) STARTS WITH $q OR toLower(e.name) STARTS WITH $q
RETURN 'Employee' AS type, e.id AS id, coalesce(e.name, e.id) AS label, NULL AS ringId ORDER BY id LIMIT $limit;
