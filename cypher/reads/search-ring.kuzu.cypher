// Embedded engine: the same rows. Only the first size($q) characters are lowered, not the whole
// value: lowering every value of a million-row column is most of a scan (at 1M accounts, accounts
// 237-266 → 177-184 ms, devices 104-149 → 53-57 ms). kuzu's substring counts from 1.
MATCH (r:Ring) WHERE lower(substring(r.id, 1, size($q))) = $q
RETURN 'Ring' AS type, r.id AS id, r.id AS label, r.id AS ringId ORDER BY id LIMIT $limit;
