// In-store analysis: the links of one kind of the identifiers some accounts use (theirs and
// every other account's on them), for the alerts about accounts newly linked to a confirmed ring.
// @slot link: link-path
// @param ids
UNWIND $ids AS id
MATCH (:Account {id: id}){{link}}
WITH DISTINCT x
MATCH (b:Account){{link}}
RETURN DISTINCT b.id AS accountId, x.id AS identifierId
