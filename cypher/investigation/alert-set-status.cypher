// Acknowledges (or reopens) one alert, saying who and when.
// @param id
// @param status
// @param by
// @param at
MATCH (a:Alert {id: $id}) SET a.status = $status, a.acknowledgedBy = $by, a.acknowledgedAt = $at RETURN a.id AS id
