// Analysis input, one page of accounts after the cursor $after (served by the unique-id index).
// @param after
// @param pageSize
MATCH (a:Account) WHERE a.id > $after
RETURN a.id AS id, a.createdAt AS createdAt, a.country AS country
ORDER BY a.id LIMIT $pageSize
