// `ringlens rings`: one row per member account of the rings at the given levels.
// @param levels — the levels from --min-level up
MATCH (a:Account)-[:MEMBER_OF]->(r:Ring) WHERE r.level IN $levels
RETURN a.id AS account_id, r.id AS ring_id, r.score AS score, r.level AS level, r.size AS size
ORDER BY score DESC, ring_id, account_id;
