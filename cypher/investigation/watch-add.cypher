// Stores one saved-query watch with the rows it returned when it was made.
// @param id
// @param name
// @param query
// @param params
// @param seen
// @param createdBy
// @param createdAt
CREATE (w:Watch {id: $id, name: $name, query: $query, params: $params, seen: $seen, createdBy: $createdBy, createdAt: $createdAt})
RETURN w.id AS id
