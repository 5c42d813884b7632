// Stores one saved-query watch with the rows it returned when it was made.
// @param id
// @param name
// @param query
// @param params
// @param seen
// @param addedBy
// @param addedAt
CREATE (w:Watch {id: $id, name: $name, query: $query, params: $params, seen: $seen, addedBy: $addedBy, addedAt: $addedAt})
RETURN w.id AS id
