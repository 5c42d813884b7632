// `ringlens insiders`: one row per suspected employee and ring.
MATCH (e:Employee)-[s:SUSPECTED_IN]->(r:Ring)
RETURN e.id AS employee_id, r.id AS ring_id, s.score AS score, s.share AS share, s.lift AS lift, s.reason AS reason
ORDER BY score DESC, employee_id, ring_id;
