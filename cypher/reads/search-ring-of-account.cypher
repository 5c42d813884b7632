// Search by the prefix index: the ring an account found there is a member of (none when it is in no ring).
// @param id — the account's id
MATCH (a:Account)-[:MEMBER_OF]->(r:Ring) WHERE a.id = $id
RETURN r.id AS ringId LIMIT 1;
