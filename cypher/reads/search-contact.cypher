// Search: support contacts by id prefix, case-insensitive, with the ring of the account they were about.
// @param q — the typed text, trimmed and lower case
// @param limit
MATCH (c:Contact) WHERE toLower(c.id) STARTS WITH $q
OPTIONAL MATCH (a:Account)-[:HAS_CONTACT]->(c)
OPTIONAL MATCH (a)-[:MEMBER_OF]->(r:Ring)
RETURN 'Contact' AS type, c.id AS id, c.id AS label, r.id AS ringId ORDER BY id LIMIT $limit;
