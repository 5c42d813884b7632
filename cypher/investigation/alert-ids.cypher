// Which of these alert ids are stored already (an alert is raised once).
// @param ids
MATCH (a:Alert) WHERE a.id IN $ids RETURN a.id AS id
