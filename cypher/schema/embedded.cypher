// Schema of the embedded engine (kuzu): node and relationship tables. Applied idempotently
// by the embedded store. Neo4j's constraints and indexes live in neo4j.cypher.
CREATE NODE TABLE IF NOT EXISTS Account(id STRING PRIMARY KEY, createdAt TIMESTAMP, country STRING, email STRING, phone STRING, name STRING, status STRING);
CREATE NODE TABLE IF NOT EXISTS Address(id STRING PRIMARY KEY, line1 STRING, line2 STRING, city STRING, postalCode STRING, region STRING, country STRING);
CREATE NODE TABLE IF NOT EXISTS Device(id STRING PRIMARY KEY, ip STRING, userAgent STRING);
CREATE NODE TABLE IF NOT EXISTS Employee(id STRING PRIMARY KEY, name STRING, team STRING, site STRING, country STRING, hiredAt TIMESTAMP, leftAt TIMESTAMP);
CREATE NODE TABLE IF NOT EXISTS Refund(id STRING PRIMARY KEY, orderId STRING, amount DOUBLE, currency STRING, item STRING, category STRING, requestedAt TIMESTAMP, approvedAt TIMESTAMP, returned BOOLEAN, channel STRING, status STRING);
CREATE NODE TABLE IF NOT EXISTS Ring(id STRING PRIMARY KEY, size INT64, score DOUBLE, level STRING, reasons STRING, hubs STRING, countries STRING[], refundCount INT64, refundValue DOUBLE, noReturnShare DOUBLE, insiderCount INT64, analysedAt TIMESTAMP);
CREATE NODE TABLE IF NOT EXISTS Meta(key STRING PRIMARY KEY, value STRING);
CREATE REL TABLE IF NOT EXISTS SHIPS_TO(FROM Account TO Address, type STRING);
CREATE REL TABLE IF NOT EXISTS USES(FROM Account TO Device, firstSeen TIMESTAMP, lastSeen TIMESTAMP);
CREATE REL TABLE IF NOT EXISTS REQUESTED(FROM Account TO Refund);
CREATE REL TABLE IF NOT EXISTS APPROVED(FROM Employee TO Refund);
CREATE REL TABLE IF NOT EXISTS MEMBER_OF(FROM Account TO Ring);
CREATE REL TABLE IF NOT EXISTS SUSPECTED_IN(FROM Employee TO Ring, share DOUBLE, baseline DOUBLE, lift DOUBLE, approvals INT64, noReturnApprovals INT64, score DOUBLE, reason STRING);
