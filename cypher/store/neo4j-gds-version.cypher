// The Graph Data Science library's version; fails when GDS is not installed (the in-store
// analysis and `ringlens health` ask).
RETURN gds.version() AS version
