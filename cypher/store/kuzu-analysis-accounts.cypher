// Analysis input on the embedded engine: every account with its node offset (the links name
// accounts by offset), exported whole by COPY … TO.
MATCH (a:Account) RETURN offset(ID(a)), a.id, to_epoch_ms(a.createdAt), a.country
