// Which of these employees are suspected in any ring.
// @param ids
MATCH (e:Employee)-[:SUSPECTED_IN]->(:Ring) WHERE e.id IN $ids RETURN DISTINCT e.id AS id;
