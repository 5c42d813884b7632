// Which of these identifiers of one kind more accounts use than the last analysis' hub threshold.
// @slot label: identifier-label
// @slot rel: identifier-rel
// @param ids
// @param threshold
MATCH (x:{{label}})<-[:{{rel}}]-(a:Account) WHERE x.id IN $ids
WITH x, count(a) AS users WHERE users > $threshold
RETURN x.id AS id;
