// In-store analysis: per ring of $rings ([{r, members}]), the hubs of one link kind ($hubs,
// their ids) that at least two of its members use.
// @slot link: link-path
// @param rings
// @param hubs
UNWIND $rings AS ring
UNWIND ring.members AS id
MATCH (a:Account {id: id}){{link}}
WHERE x.id IN $hubs
WITH ring.r AS r, x, count(DISTINCT a) AS members WHERE members >= 2
RETURN r, x.id AS identifierId, members
