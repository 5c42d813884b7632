// In-store analysis: the identifiers of one link kind used by more distinct accounts than the
// kind's hub threshold: hubs, which link nobody and are reported.
// @slot link: link-path
// @param threshold
MATCH (a:Account){{link}}
WITH x, count(DISTINCT a) AS degree WHERE degree > $threshold
RETURN x.id AS identifierId, degree ORDER BY degree DESC, identifierId
