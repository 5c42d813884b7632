// One fact about the store (last import, last analysis) by key.
// @param key
MATCH (m:Meta {key: $key}) RETURN m.value AS value
