// Search: addresses by street line prefix, or any part of the normalised key.
// @param q — the typed text, trimmed and lower case
// @param limit
// @param folded — the text folded like an address key (canonWords), or q when that is empty
MATCH (x:Address) WHERE toLower(x.line1) STARTS WITH $q OR x.id CONTAINS $folded
RETURN 'Address' AS type, x.id AS id, x.line1 AS label, NULL AS ringId ORDER BY id LIMIT $limit;
