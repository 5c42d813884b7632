// Embedded engine: the same rows, with a join-order HINT (kuzu's own clause): from the ring's key
// along its members' adjacency lists. Unhinted, kuzu scans every node of the far tables and
// hash-joins them (at 1M accounts ~100 ms a statement for a 25-account ring; hinted ~20 ms).
MATCH (r:Ring {id: $id})<-[m:MEMBER_OF]-(a:Account)-[h:HAS_CONTACT]->(c:Contact)-[f:{{rel}}]->(x:{{label}})
HINT (((((r JOIN m) JOIN a) JOIN h) JOIN c) JOIN f) JOIN x
RETURN c.id AS c_id{{fColumns}}, {{xColumns}} ORDER BY a.id, c.id, x.id;
