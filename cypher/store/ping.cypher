// Whether the store answers: the health check and the Neo4j store's check on opening.
RETURN 1 AS ok
