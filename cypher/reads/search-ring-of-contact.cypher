// Search by the prefix index: the ring of the account a support contact found there was about.
// @param id — the contact's id
MATCH (a:Account)-[:HAS_CONTACT]->(c:Contact) WHERE c.id = $id
MATCH (a)-[:MEMBER_OF]->(r:Ring)
RETURN r.id AS ringId LIMIT 1;
