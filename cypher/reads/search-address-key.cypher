// Search by the prefix index: the ids of addresses whose normalised key holds the folded text anywhere (the index finds street-line prefixes; a part of a key is scanned for). Ids only: reading the street line of every address too doubles the scan on the embedded engine (41 against 77 ms at 1.2M addresses).
// @param folded — the typed text folded as address keys are (canonWords), or the text itself
// @param limit
MATCH (x:Address) WHERE x.id CONTAINS $folded
RETURN x.id AS id ORDER BY id LIMIT $limit;
