// Every saved-query watch, oldest first.
MATCH (w:Watch)
RETURN w.id AS id, w.name AS name, w.query AS query, w.params AS params, w.seen AS seen, w.addedBy AS addedBy, w.addedAt AS addedAt
ORDER BY addedAt, id
