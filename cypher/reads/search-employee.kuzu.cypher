// Embedded engine: the same rows. Only the first size($q) characters are lowered, not the whole
// value: lowering every value of a million-row column is most of a scan (at 1M accounts, accounts
// 237-266 → 177-184 ms, devices 104-149 → 53-57 ms). kuzu's substring counts from 1.
MATCH (e:Employee) WHERE lower(substring(e.id, 1, size($q))) = $q OR lower(substring(e.name, 1, size($q))) = $q
RETURN 'Employee' AS type, e.id AS id, coalesce(e.name, e.id) AS label, NULL AS ringId ORDER BY id LIMIT $limit;
