// In-store analysis: the links of one kind of some accounts, hubs left out: a group's own
// small graph, for the bridge and attachment rules.
// @slot link: link-path
// @param ids
// @param hubs
UNWIND $ids AS id
MATCH (a:Account {id: id}){{link}}
WHERE NOT x.id IN $hubs
RETURN DISTINCT a.id AS accountId, x.id AS identifierId
