// Search: accounts by id, email or name prefix, case-insensitive, with their ring.
// @param q — the typed text, trimmed and lower case
// @param limit
MATCH (a:Account) WHERE toLower(a.id) STARTS WITH $q OR toLower(a.email) STARTS WITH $q OR toLower(a.name) STARTS WITH $q
OPTIONAL MATCH (a)-[:MEMBER_OF]->(r:Ring)
RETURN 'Account' AS type, a.id AS id, coalesce(a.name, a.email, a.id) AS label, r.id AS ringId ORDER BY id LIMIT $limit;
