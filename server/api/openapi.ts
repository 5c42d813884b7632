/**
 * The OpenAPI 3.1 description of the HTTP API, and a small readable page generated from it
 * for `/api/docs`. Kept beside the routes; a test checks every route is described.
 */
import { NODE_LABELS } from "../schema/graph-specs.ts";

type Param = { name: string; in: "query" | "path"; required?: boolean; schema: Record<string, unknown>; description: string };
interface Op {
  summary: string;
  parameters?: Param[];
  body?: string;
  responses: Record<string, string>;
  secured?: boolean;
}

const q = (name: string, schema: Record<string, unknown>, description: string): Param => ({ name, in: "query", schema, description });
const p = (name: string, description: string): Param => ({ name, in: "path", required: true, schema: { type: "string" }, description });
const int = { type: "integer" };
/** The node types the API serves, from the graph description: "Account, Address, … or Ring". */
const NODE_TYPE_LIST = `${NODE_LABELS.slice(0, -1).join(", ")} or ${NODE_LABELS.at(-1)}`;

export const API_OPERATIONS: Record<string, Record<string, Op>> = {
  "/api/health": {
    get: { summary: "Store reachable, engine and app versions", responses: { 200: "healthy", 503: "store does not answer" } },
  },
  "/api/stats": { get: { summary: "Counts per label and relationship type, last import and analysis", responses: { 200: "counts" } } },
  "/api/rings": {
    get: {
      summary: "A page of ring summaries",
      parameters: [
        q("level", { enum: ["high", "medium", "low"] }, "only rings of this level"),
        q("minScore", { type: "number" }, "smallest score (0–100)"),
        q("minSize", int, "smallest number of accounts"),
        q("country", { type: "string" }, "rings with a member in this ISO country"),
        q("caseStatus", { enum: ["new", "investigating", "confirmed", "dismissed"] }, "only rings whose case has this status"),
        q("sort", { enum: ["score", "size", "value"] }, "order, highest first"),
        q("limit", int, "page size (≤ 500)"),
        q("offset", int, "rings to skip"),
      ],
      responses: { 200: "RingPage", 400: "invalid parameter" },
    },
  },
  "/api/rings/{id}": {
    get: {
      summary:
        "One ring: reasons with contributions, members, insiders, hubs, linked rings (links), attached accounts, its lineage from the previous analysis and its case (status, assignee, notes, history)",
      parameters: [p("id", "ring id")],
      responses: { 200: "RingDetail", 404: "no such ring" },
    },
  },
  "/api/rings/{id}/graph": {
    get: {
      summary: "The ring's subgraph (graphology serialized format, with positions)",
      parameters: [p("id", "ring id"), q("limit", int, "most nodes")],
      responses: { 200: "WireGraph", 404: "no such ring" },
    },
  },
  "/api/nodes/{type}/{id}": {
    get: {
      summary: "One node's properties",
      parameters: [p("type", NODE_TYPE_LIST), p("id", "node id")],
      responses: { 200: "node", 404: "no such node or type" },
    },
  },
  "/api/nodes/{type}/{id}/neighbors": {
    get: {
      summary: "A node's neighbourhood",
      parameters: [p("type", "node type"), p("id", "node id"), q("depth", { enum: [1, 2] }, "hops"), q("limit", int, "most rows")],
      responses: { 200: "WireGraph", 404: "no such node" },
    },
  },
  "/api/search": {
    get: {
      summary:
        "Search accounts (id, email, name), devices, employees, addresses, rings, and email, phone (by digits), payment and IP identifiers",
      parameters: [q("q", { type: "string" }, "text"), q("limit", int, "most hits")],
      responses: { 200: "hits" },
    },
  },
  "/api/shared-identifiers": {
    get: {
      summary: "Pairs of accounts sharing identifiers, with sharedCount and the Jaccard index of their identifier sets",
      parameters: [
        q("account", { type: "string" }, "only pairs with this account (omit for every pair, each once)"),
        q("kinds", { type: "string" }, "identifier kinds that count, comma-separated (default Address,Device,Email,Phone,Payment; add IP)"),
        q("limit", int, "most pairs (≤ 100000)"),
      ],
      responses: { 200: "pairs", 400: "invalid parameter" },
    },
  },
  "/api/accounts/{id}/shared": {
    get: {
      summary: "Accounts sharing at least one identifier with this account, with sharedCount and Jaccard index",
      parameters: [
        p("id", "account id"),
        q("kinds", { type: "string" }, "identifier kinds that count, comma-separated"),
        q("limit", int, "most accounts"),
      ],
      responses: { 200: "shared", 400: "invalid parameter" },
    },
  },
  "/api/queries": { get: { summary: "The saved-query catalogue", responses: { 200: "queries" } } },
  "/api/queries/{name}": {
    get: {
      summary: "One saved query with its parameters",
      parameters: [p("name", "query name")],
      responses: { 200: "QueryInfo", 404: "no such query" },
    },
  },
  "/api/queries/{name}/run": {
    post: {
      summary: "Run a saved query read-only (an identical run at the same data version is answered from cache: stats.cached)",
      parameters: [p("name", "query name")],
      body: '{"params": {…}}',
      responses: { 200: "QueryRunResult", 400: "bad parameter", 404: "no such query", 504: "timeout" },
    },
  },
  "/api/import": {
    post: {
      summary: "Import a folder (inside the import root) as a job",
      body: '{"folder": "…"}',
      secured: true,
      responses: { 202: "Job", 401: "token required", 403: "write endpoints off, or not an admin token", 409: "a job is running" },
    },
  },
  "/api/analyze": {
    post: {
      summary: "Analyse the store as a job (admin role); the job's report is the analysis summary, the cases moved and the alerts raised",
      secured: true,
      body: '{"hubThreshold": "auto" | n ≥ 1, "maxRingSize": n ≥ 2, "minScore": 0–100, "linkPolicy": {"ip": {"link": true, "hubThreshold": 20, "weight": 0.25}}, "inStore": true | false} (all optional; inStore: detect in Neo4j with GDS)',
      responses: {
        202: "Job",
        400: "bad setting, or inStore on a store without graph algorithms (the message says what to install)",
        401: "token required",
        403: "write endpoints off, or not an admin token",
        409: "a job is running",
      },
    },
  },
  "/api/rings/{id}/case": {
    put: {
      summary: "Open or change the case on a ring (analyst role; recorded in the audit trail); the case follows the ring across analyses",
      parameters: [p("id", "ring id")],
      body: '{"status": "new" | "investigating" | "confirmed" | "dismissed", "assignee"?: "…" | null, "note"?: "…"}',
      secured: true,
      responses: { 200: "CaseView", 400: "bad body", 401: "token required", 403: "write endpoints off", 404: "no such ring" },
    },
  },
  "/api/cases": {
    get: {
      summary: "Cases, the latest changed first",
      parameters: [
        q("status", { enum: ["new", "investigating", "confirmed", "dismissed"] }, "only this status"),
        q("assignee", { type: "string" }, "only this assignee"),
        q("limit", int, "most cases (≤ 10,000)"),
      ],
      responses: { 200: "CaseList", 400: "invalid parameter" },
    },
  },
  "/api/alerts": {
    get: {
      summary: "Alerts raised by analyses (linked-to-confirmed, ring-grew, dismissed-changed, watch), newest first",
      parameters: [q("status", { enum: ["open", "acknowledged"] }, "only this status"), q("limit", int, "most alerts (≤ 10,000)")],
      responses: { 200: "AlertList", 400: "invalid parameter" },
    },
  },
  "/api/alerts/{id}": {
    put: {
      summary: "Acknowledge (or reopen) an alert (analyst role; audited)",
      parameters: [p("id", "alert id")],
      body: '{"status": "acknowledged" | "open", "note"?: "…"}',
      secured: true,
      responses: { 200: "AlertRecord", 400: "bad body", 401: "token required", 403: "write endpoints off", 404: "no such alert" },
    },
  },
  "/api/audit": {
    get: {
      summary: "Every recorded write, newest first: actor, time, action, case, ring, before → after, note",
      parameters: [
        q("caseId", { type: "string" }, "only this case"),
        q("actor", { type: "string" }, "only this actor"),
        q("limit", int, "most entries"),
      ],
      responses: { 200: "AuditList", 400: "invalid parameter" },
    },
  },
  "/api/watches": {
    get: { summary: "Saved-query watches", responses: { 200: "{watches: WatchView[]}" } },
    post: {
      summary: "Watch a saved query: each analysis raises an alert when it returns rows it did not before (analyst role; audited)",
      body: '{"query": "devices-shared", "params": {"minAccounts": 3}, "name"?: "…"}',
      secured: true,
      responses: { 201: "WatchView", 400: "bad parameter", 401: "token required", 403: "write endpoints off", 404: "no such query" },
    },
  },
  "/api/jobs/{id}": {
    get: { summary: "A job's progress and final report", parameters: [p("id", "job id")], responses: { 200: "Job", 404: "no such job" } },
  },
};

export function openApiDocument(version: string) {
  const paths: Record<string, unknown> = {};
  for (const [path, ops] of Object.entries(API_OPERATIONS)) {
    paths[path] = Object.fromEntries(
      Object.entries(ops).map(([method, op]) => [
        method,
        {
          summary: op.summary,
          parameters: op.parameters ?? [],
          ...(op.body
            ? { requestBody: { required: false, content: { "application/json": { schema: { type: "object" }, example: op.body } } } }
            : {}),
          ...(op.secured ? { security: [{ bearer: [] }] } : {}),
          responses: Object.fromEntries(Object.entries(op.responses).map(([code, description]) => [code, { description }])),
        },
      ]),
    );
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "ringlens API",
      version,
      description: "Fraud-ring link analysis: rings, their graphs, saved Cypher investigations, cases, alerts and the audit trail.",
    },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    paths,
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function docsPage(version: string): string {
  const rows = Object.entries(API_OPERATIONS).flatMap(([path, ops]) =>
    Object.entries(ops).map(
      ([method, op]) =>
        `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(op.summary)}${op.secured ? " <em>(token)</em>" : ""}
     ${op.parameters?.length ? `<br><small>${op.parameters.map((x) => `<code>${x.name}</code> ${escapeHtml(x.description)}`).join(" · ")}</small>` : ""}</td></tr>`,
    ),
  );
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>ringlens API</title>
<style>body{font:15px system-ui,sans-serif;margin:2rem;color:#1a1a1a}table{border-collapse:collapse}td{border-top:1px solid #ddd;padding:.4rem .8rem;vertical-align:top}code{background:#f3f3f3;padding:0 .2rem}</style>
<h1>ringlens API <small>${escapeHtml(version)}</small></h1><p>JSON everywhere; errors are <code>{"error":{"code","message","details"}}</code>. Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<table>${rows.join("\n")}</table></html>`;
}
