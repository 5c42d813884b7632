// @name addresses-multi-country
// @title Addresses used by accounts from several countries
// @description Delivery addresses used by at least N accounts whose home countries span at least C countries: drop points and reshippers.
// @param minAccounts: int(1..) = 3 — at least this many accounts at the address
// @param minCountries: int(1..) = 2 — at least this many account countries
// @param limit: int(1..10000) = 100 — rows to return
// @returns table
MATCH (a:Account)-[:SHIPS_TO]->(x:Address)
WITH x, count(DISTINCT a) AS accounts, collect(DISTINCT a.country) AS countries
WHERE accounts >= $minAccounts AND size(countries) >= $minCountries
RETURN x.id AS address, x.line1 AS line1, x.city AS city, x.country AS country, accounts, countries
ORDER BY accounts DESC, address
LIMIT $limit
