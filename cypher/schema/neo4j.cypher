// Neo4j constraints and indexes: unique ids per label. Idempotent (IF NOT EXISTS).
// Generated from server/schema/graph-schema.ts: npm run schema:write
CREATE CONSTRAINT account_id IF NOT EXISTS FOR (n:Account) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT address_id IF NOT EXISTS FOR (n:Address) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT device_id IF NOT EXISTS FOR (n:Device) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT email_id IF NOT EXISTS FOR (n:Email) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT phone_id IF NOT EXISTS FOR (n:Phone) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT payment_id IF NOT EXISTS FOR (n:Payment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT ip_id IF NOT EXISTS FOR (n:IP) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT handle_id IF NOT EXISTS FOR (n:Handle) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT employee_id IF NOT EXISTS FOR (n:Employee) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT refund_id IF NOT EXISTS FOR (n:Refund) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT contact_id IF NOT EXISTS FOR (n:Contact) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT ring_id IF NOT EXISTS FOR (n:Ring) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (n:Meta) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT ring_case_id IF NOT EXISTS FOR (n:RingCase) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT audit_id IF NOT EXISTS FOR (n:Audit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (n:Alert) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT watch_id IF NOT EXISTS FOR (n:Watch) REQUIRE n.id IS UNIQUE;
CREATE INDEX account_email IF NOT EXISTS FOR (n:Account) ON (n.email);
CREATE INDEX ring_score IF NOT EXISTS FOR (n:Ring) ON (n.score);
CREATE INDEX ring_case_ringId IF NOT EXISTS FOR (n:RingCase) ON (n.ringId);
CREATE INDEX audit_caseId IF NOT EXISTS FOR (n:Audit) ON (n.caseId);
CREATE INDEX alert_status IF NOT EXISTS FOR (n:Alert) ON (n.status);
// Rings of a running analysis are staged under this label until they replace the current ones.
CREATE INDEX ring_staged_id IF NOT EXISTS FOR (n:RingStaged) ON (n.id);
