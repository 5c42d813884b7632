// Embedded engine: the same rows. Only the first size($q) characters are lowered, not the whole
// value: lowering every value of a million-row column is most of a scan (at 1M accounts, accounts
// 237-266 → 177-184 ms, devices 104-149 → 53-57 ms). kuzu's substring counts from 1.
MATCH (x:Address) WHERE lower(substring(x.line1, 1, size($q))) = $q OR x.id CONTAINS $folded
RETURN 'Address' AS type, x.id AS id, x.line1 AS label, NULL AS ringId ORDER BY id LIMIT $limit;
