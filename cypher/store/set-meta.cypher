// Records one fact about the store, replacing the previous value of its key.
// @param key
// @param value
MERGE (m:Meta {key: $key}) SET m.value = $value
