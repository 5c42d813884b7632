// `ringlens rings`: each ring's links to other rings and its attached accounts (JSON text), at the given levels.
// @param levels — the levels from --min-level up
MATCH (r:Ring) WHERE r.level IN $levels
RETURN r.id AS ring_id, r.score AS score, r.level AS level, r.size AS size, r.links AS links, r.attached AS attached
ORDER BY score DESC, ring_id;
