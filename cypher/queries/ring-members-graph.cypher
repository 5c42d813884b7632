// @name ring-members-graph
// @title A ring's members with their devices and addresses
// @description The ring's accounts and every device and address they use, as a graph.
// @param ringId: string — the ring's id
// @returns graph
MATCH (a:Account)-[m:MEMBER_OF]->(r:Ring {id: $ringId})
OPTIONAL MATCH (a)-[u:USES]->(d:Device)
OPTIONAL MATCH (a)-[s:SHIPS_TO]->(x:Address)
RETURN a, m, r, u, d, s, x
ORDER BY a.id, d.id, x.id
