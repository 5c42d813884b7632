// @name accounts-sharing-identifiers
// @title Accounts sharing an identifier with an account
// @description Accounts that share at least one address or device with the given account, with how many they share.
// @param accountId: string — the account id
// @param limit: int(1..10000) = 100 — rows to return
// @returns table
MATCH (a:Account {id: $accountId})-[:SHIPS_TO|USES]->(x)<-[:SHIPS_TO|USES]-(b:Account)
WHERE b.id <> a.id
RETURN b.id AS account, b.country AS country, count(DISTINCT x) AS sharedCount, collect(DISTINCT x.id) AS shared
ORDER BY sharedCount DESC, account
LIMIT $limit
