// In-store analysis: the facts of some accounts (members of groups to be split or peeled).
// @param ids
UNWIND $ids AS id
MATCH (a:Account {id: id})
RETURN a.id AS id, a.createdAt AS createdAt, a.country AS country
