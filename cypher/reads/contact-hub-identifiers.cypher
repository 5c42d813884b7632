// Which of these identifiers of one kind more accounts were served from, in support contacts,
// than the last analysis' hub threshold (a store kiosk).
// @slot label: contact-node-label
// @slot rel: contact-rel
// @param ids
// @param threshold
MATCH (x:{{label}})<-[:{{rel}}]-(:Contact)<-[:HAS_CONTACT]-(a:Account) WHERE x.id IN $ids
WITH x, count(DISTINCT a) AS users WHERE users > $threshold
RETURN x.id AS id;
