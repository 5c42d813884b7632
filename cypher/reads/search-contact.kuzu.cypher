// Embedded engine: the same rows. Only the first size($q) characters are lowered, not the whole
// value: lowering every value of a million-row column is most of a scan (at 1M accounts, accounts
// 237-266 → 177-184 ms, devices 104-149 → 53-57 ms). kuzu's substring counts from 1.
MATCH (c:Contact) WHERE lower(substring(c.id, 1, size($q))) = $q
OPTIONAL MATCH (a:Account)-[:HAS_CONTACT]->(c)
OPTIONAL MATCH (a)-[:MEMBER_OF]->(r:Ring)
RETURN 'Contact' AS type, c.id AS id, c.id AS label, r.id AS ringId ORDER BY id LIMIT $limit;
