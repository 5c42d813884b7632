// Records the rows a watch has now seen.
// @param id
// @param seen
MATCH (w:Watch {id: $id}) SET w.seen = $seen RETURN w.id AS id
