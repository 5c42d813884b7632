// One ring's hubs (JSON text); no row when the ring does not exist.
// @param id
MATCH (r:Ring {id: $id}) RETURN r.hubs AS hubs;
