// Every current ring with its members: what the next analysis matches its rings against.
MATCH (a:Account)-[:MEMBER_OF]->(r:Ring)
RETURN r.id AS ringId, collect(a.id) AS accountIds
