// Analysis input on the embedded engine: every account, exported whole by COPY … TO.
MATCH (a:Account) RETURN a.id, to_epoch_ms(a.createdAt), a.country
