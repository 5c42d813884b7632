// Search by the prefix index: an address found by a part of its key, as a hit.
// @param id — the address key
MATCH (x:Address) WHERE x.id = $id
RETURN 'Address' AS type, x.id AS id, x.line1 AS label, NULL AS ringId;
