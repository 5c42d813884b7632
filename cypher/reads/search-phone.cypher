// Search: phones (E.164) by the digits typed, anywhere in the number; none when fewer than four digits were typed.
// @param digits — the digits typed, or '' when the text is not a phone number
// @param limit
MATCH (x:Phone) WHERE $digits <> '' AND x.id CONTAINS $digits
RETURN 'Phone' AS type, x.id AS id, x.id AS label, NULL AS ringId ORDER BY id LIMIT $limit;
