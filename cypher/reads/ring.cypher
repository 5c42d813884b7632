// One ring's summary with its reasons, hubs, ring-to-ring links, attached accounts and lineage (JSON text).
// @param id
MATCH (r:Ring {id: $id})
RETURN r.id AS id, r.size AS size, r.score AS score, r.level AS level, r.countries AS countries,
  r.refundCount AS refundCount, r.refundValue AS refundValue, r.noReturnShare AS noReturnShare, r.insiderCount AS insiderCount,
  r.reasons AS reasons, r.hubs AS hubs, r.links AS links, r.attached AS attached, r.lineage AS lineage;
