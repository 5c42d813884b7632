// @name device-neighbourhood
// @title Neighbourhood of a device
// @description The accounts that used a device and the addresses they ship to.
// @param deviceId: string — the device id
// @param limit: int(1..10000) = 500 — rows to return
// @returns graph
MATCH (d:Device {id: $deviceId})<-[u:USES]-(a:Account)
OPTIONAL MATCH (a)-[s:SHIPS_TO]->(x:Address)
RETURN d, u, a, s, x
ORDER BY a.id, x.id
LIMIT $limit
