// In-store analysis: per ring of $rings ([{r, members}]) and link kind (by its relationship
// type, one of $rels), how the members share identifiers of that kind, hubs included: distinct
// identifiers, members using any, members on the most used one (the identifier-sharing
// reason), and the hubs of $hubs (ids by relationship type) that at least two members use.
// One statement for the kinds an account holds itself, one for those of its support contacts.
// @slot hop: link-hop
// @param rings
// @param rels
// @param hubs
UNWIND $rings AS ring
UNWIND ring.members AS id
MATCH (a:Account {id: id}){{hop}}
WHERE type(l) IN $rels
WITH DISTINCT ring.r AS r, type(l) AS rel, a, x
WITH r, rel, x, collect(a) AS users
WITH r, rel, count(x) AS identifiers, max(size(users)) AS top, collect(users) AS lists,
  collect(CASE WHEN size(users) >= 2 AND x.id IN $hubs[rel] THEN [x.id, size(users)] END) AS hubUses
UNWIND lists AS list
UNWIND list AS a
RETURN r, rel, identifiers, top, count(DISTINCT a) AS users, hubUses
