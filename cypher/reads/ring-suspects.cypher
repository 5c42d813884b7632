// The ids of the employees suspected in one ring.
// @param id
MATCH (e:Employee)-[:SUSPECTED_IN]->(:Ring {id: $id}) RETURN e.id AS id;
