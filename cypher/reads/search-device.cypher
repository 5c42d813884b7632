// Search: devices by id prefix, case-insensitive.
// @param q — the typed text, trimmed and lower case
// @param limit
MATCH (d:Device) WHERE toLower(d.id) STARTS WITH $q
RETURN 'Device' AS type, d.id AS id, d.id AS label, NULL AS ringId ORDER BY id LIMIT $limit;
