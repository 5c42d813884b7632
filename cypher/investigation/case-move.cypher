// Moves a case onto the ring that continues its ring (after an analysis).
// @param id
// @param ringId
MATCH (c:RingCase {id: $id}) SET c.ringId = $ringId RETURN c.id AS id
