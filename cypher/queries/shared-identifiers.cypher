// @name shared-identifiers
// @title Accounts sharing identifiers (with Jaccard index)
// @description For one account (or, with no account, every pair of accounts), the accounts sharing at least one identifier of the given kinds, with sharedCount (identifiers shared) and jaccard (shared / identifiers of either account, over those kinds). The default kinds are those that link by default.
// @param account: string = "" — the account id; empty for every pair (each pair once)
// @param kinds: string[] = Address,Device,Email,Phone,Payment — identifier labels that count (add IP to count IP addresses)
// @param limit: int(1..100000) = 1000 — rows to return
// @returns table
// Separate MATCH clauses on purpose: inside one MATCH Neo4j never binds one relationship twice,
// so xa and xb would skip the shared x they were reached through — identifiersA and B one short
// (Jaccard too high) and a pair vanishing when one side has nothing but the shared identifier.
// Across clauses, as in the embedded engine, xa and xb range over all of each account's identifiers.
MATCH (a:Account)-[]->(x)<-[]-(b:Account)
WHERE ($account = '' OR a.id = $account) AND ($account <> '' OR a.id < b.id) AND a.id <> b.id
  AND any(l IN labels(x) WHERE l IN $kinds)
MATCH (a)-[]->(xa)
WHERE any(l IN labels(xa) WHERE l IN $kinds)
MATCH (b)-[]->(xb)
WHERE any(l IN labels(xb) WHERE l IN $kinds)
WITH a, b, count(DISTINCT x) AS sharedCount, count(DISTINCT xa) AS identifiersA, count(DISTINCT xb) AS identifiersB
RETURN a.id AS account, b.id AS other, sharedCount,
  1.0 * sharedCount / (identifiersA + identifiersB - sharedCount) AS jaccard
ORDER BY sharedCount DESC, jaccard DESC, account, other
LIMIT $limit
