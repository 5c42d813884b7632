// Analysis input on the embedded engine: every requested refund with its approver, if any.
MATCH (a:Account)-[:REQUESTED]->(r:Refund) OPTIONAL MATCH (e:Employee)-[:APPROVED]->(r)
RETURN r.id, a.id, e.id, r.amount, r.category, r.returned, to_epoch_ms(r.requestedAt), r.status
