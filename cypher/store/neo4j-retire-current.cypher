// Relabelled in the swap, deleted after it: deleting the old rings and labelling the new ones
// (same ids) in one transaction took Neo4j 5.26 ~100 s at 59k rings, relabelling ~1 s.
MATCH (r:Ring) SET r:RingRetired REMOVE r:Ring
