// In-store analysis: per ring of $rings ([{r, members}]), how its members share identifiers
// of one link kind, hubs included: distinct identifiers, members using any, and members on
// the most used one (the identifier-sharing reason).
// @slot link: link-path
// @param rings
UNWIND $rings AS ring
UNWIND ring.members AS id
MATCH (a:Account {id: id}){{link}}
WITH DISTINCT ring.r AS r, a, x
WITH r, x, collect(a) AS users
WITH r, count(x) AS identifiers, max(size(users)) AS top, collect(users) AS lists
UNWIND lists AS list
UNWIND list AS a
RETURN r, identifiers, top, count(DISTINCT a) AS users
