// @name devices-shared
// @title Devices shared by many accounts
// @description Device fingerprints used by at least N accounts, with the countries of those accounts. Kiosks show up here too: check the countries and account ages.
// @param minAccounts: int(1..) = 3 — at least this many accounts on one device
// @param limit: int(1..10000) = 100 — rows to return
// @returns table
MATCH (a:Account)-[:USES]->(d:Device)
WITH d, count(DISTINCT a) AS accounts, collect(DISTINCT a.country) AS countries
WHERE accounts >= $minAccounts
RETURN d.id AS device, accounts, countries, d.ip AS lastIp
ORDER BY accounts DESC, device
LIMIT $limit
