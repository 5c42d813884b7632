// Embedded engine: the same rows. Only the first size($q) characters are lowered, not the whole
// value: lowering every value of a million-row column is most of a scan (at 1M accounts, accounts
// 237-266 → 177-184 ms, devices 104-149 → 53-57 ms). kuzu's substring counts from 1.
MATCH (a:Account)
WHERE lower(substring(a.id, 1, size($q))) = $q OR lower(substring(a.email, 1, size($q))) = $q OR lower(substring(a.name, 1, size($q))) = $q
OPTIONAL MATCH (a)-[:MEMBER_OF]->(r:Ring)
RETURN 'Account' AS type, a.id AS id, coalesce(a.name, a.email, a.id) AS label, r.id AS ringId ORDER BY id LIMIT $limit;
