// In-store analysis: how many identifiers of one link kind each number of distinct accounts
// uses (degrees of 2 and more), the histogram the automatic hub threshold is fenced on.
// @slot link: link-path
MATCH (a:Account){{link}}
WITH x, count(DISTINCT a) AS degree WHERE degree >= 2
RETURN degree, count(*) AS identifiers ORDER BY degree
