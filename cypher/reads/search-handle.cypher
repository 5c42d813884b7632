// Search: chat handles by prefix; handles are stored without their leading @.
// @param handle — the typed text, trimmed, lower case, without a leading @
// @param limit
MATCH (h:Handle) WHERE h.id STARTS WITH $handle
RETURN 'Handle' AS type, h.id AS id, h.id AS label, NULL AS ringId ORDER BY id LIMIT $limit;
