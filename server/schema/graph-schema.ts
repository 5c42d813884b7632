/**
 * The one description of the stored graph: node kinds with their key and typed properties,
 * relationship types with their ends, where each value comes from (input file and column, or
 * the analysis) and its default. Both adapters' DDL and load statements, the analysis
 * writers, the exports and the Cypher linter's schema are derived from it (server/schema/*,
 * server/store/*); cypher/schema/*.cypher are generated from it and tested equal.
 * Plain data; imports only types.
 */
import type { FileKind } from "../ingest/file-specs.ts";

export const PROPERTY_TYPES = ["string", "long", "double", "boolean", "datetime", "string[]"] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

/** `file.column` of the input contract (docs/input-format.md), or what else writes the value. */
export type Source = `${FileKind}.${string}` | "analysis" | "store" | "normalised address" | "investigation";

export interface PropertyDescription {
  readonly type: PropertyType;
  /** Where the value comes from; several when one node is fed by several files. */
  readonly source: readonly Source[];
  /** The value stored when the input leaves it empty. */
  readonly default?: string;
  /** Never empty: the input contract requires the column. */
  readonly required?: true;
}

type PropertyOptions = { default?: string; required?: true };
const p = <T extends PropertyType, O extends PropertyOptions = Record<never, never>>(type: T, source: Source[] = [], options?: O) =>
  ({ type, source, ...options }) as { type: T; source: Source[] } & O;
const str = (...source: Source[]) => p("string", source);
const time = (...source: Source[]) => p("datetime", source);

/**
 * Node kinds, in the order their tables are created and exported. `key` names the unique
 * property (always a string); `indexes` the properties Neo4j indexes besides it; `counted:
 * false` keeps a kind out of the store's counts (bookkeeping, not graph).
 */
export const GRAPH = {
  nodes: {
    Account: {
      key: "id",
      keySource: ["accounts.account_id"],
      indexes: ["email"],
      properties: {
        createdAt: time("accounts.created_at"),
        country: str("accounts.country"),
        email: str("accounts.email"),
        phone: str("accounts.phone"),
        name: str("accounts.name"),
        status: str("accounts.status"),
      },
    },
    Address: {
      key: "id",
      keySource: ["normalised address"],
      properties: {
        line1: p("string", ["addresses.line1"], { required: true }),
        line2: str("addresses.line2"),
        city: str("addresses.city"),
        postalCode: str("addresses.postal_code"),
        region: str("addresses.region"),
        country: str("addresses.country"),
      },
    },
    Device: {
      key: "id",
      keySource: ["devices.device_id", "contacts.device_id"],
      properties: { ip: str("devices.ip"), userAgent: str("devices.user_agent") },
    },
    Email: { key: "id", keySource: ["accounts.email", "identifiers.value", "contacts.email"], properties: {} },
    Phone: { key: "id", keySource: ["accounts.phone", "identifiers.value", "contacts.phone"], properties: {} },
    Payment: {
      key: "id",
      keySource: ["payments.payment_id", "identifiers.value"],
      properties: { type: str("payments.type"), last4: str("payments.last4") },
    },
    IP: { key: "id", keySource: ["devices.ip", "identifiers.value", "contacts.ip"], properties: {} },
    /** A messenger or chat handle quoted in a support contact (Telegram, Discord, …), normalised. */
    Handle: { key: "id", keySource: ["contacts.handle"], properties: {} },
    Employee: {
      key: "id",
      keySource: ["employees.employee_id"],
      properties: {
        name: str("employees.name"),
        team: str("employees.team"),
        site: str("employees.site"),
        country: str("employees.country"),
        hiredAt: time("employees.hired_at"),
        leftAt: time("employees.left_at"),
      },
    },
    Refund: {
      key: "id",
      keySource: ["refunds.refund_id"],
      properties: {
        orderId: str("refunds.order_id"),
        amount: p("double", ["refunds.amount"], { required: true }),
        currency: p("string", ["refunds.currency"], { default: "USD" }),
        item: str("refunds.item"),
        category: str("refunds.category"),
        requestedAt: time("refunds.requested_at"),
        approvedAt: time("refunds.approved_at"),
        returned: p("boolean", ["refunds.returned"]),
        channel: str("refunds.channel"),
        status: p("string", ["refunds.status"], { default: "approved" }),
      },
    },
    /** One support contact (contacts.csv): about an account and maybe a refund, from the contacting party's identifiers. */
    Contact: {
      key: "id",
      keySource: ["contacts.contact_id"],
      properties: { channel: str("contacts.channel"), at: time("contacts.at") },
    },
    Ring: {
      key: "id",
      keySource: ["analysis"],
      indexes: ["score"],
      properties: {
        size: p("long", ["analysis"]),
        score: p("double", ["analysis"]),
        level: str("analysis"),
        // Lists of objects, stored as JSON text: neither store has a portable nested type.
        reasons: str("analysis"),
        hubs: str("analysis"),
        // Rings sharing identifiers with this one (the bridge of a split), and the accounts tied
        // through one member only without the ring's behaviour: JSON text like reasons.
        links: str("analysis"),
        attached: str("analysis"),
        countries: p("string[]", ["analysis"]),
        refundCount: p("long", ["analysis"]),
        refundValue: p("double", ["analysis"]),
        noReturnShare: p("double", ["analysis"]),
        insiderCount: p("long", ["analysis"]),
        // The ring's match to the previous analysis (server/domain/investigation/ring-lineage.ts), JSON text.
        lineage: str("analysis"),
        analysedAt: time("analysis"),
      },
    },
    Meta: { key: "key", keySource: ["store"], counted: false, properties: { value: str("store") } },
    // The investigation: what analysts decide and what analyses raise. Not linked to Ring nodes
    // (an analysis replaces those): a case names its ring by id and follows it through lineage.
    // Times are ISO 8601 text; lists of objects JSON text. Kept by re-imports and re-analyses.
    RingCase: {
      key: "id",
      keySource: ["investigation"],
      counted: false,
      indexes: ["ringId"],
      properties: {
        ringId: str("investigation"),
        status: str("investigation"),
        assignee: str("investigation"),
        openedAt: str("investigation"),
        updatedAt: str("investigation"),
      },
    },
    Audit: {
      key: "id",
      keySource: ["investigation"],
      counted: false,
      indexes: ["caseId"],
      properties: {
        // Not `at`: Contact.at is a datetime, and the embedded engine reads one type per name.
        recordedAt: str("investigation"),
        actor: str("investigation"),
        action: str("investigation"),
        caseId: str("investigation"),
        ringId: str("investigation"),
        before: str("investigation"),
        after: str("investigation"),
        note: str("investigation"),
      },
    },
    Alert: {
      key: "id",
      keySource: ["investigation"],
      counted: false,
      indexes: ["status"],
      properties: {
        kind: str("investigation"),
        status: str("investigation"),
        raisedAt: str("investigation"),
        caseId: str("investigation"),
        ringId: str("investigation"),
        accountId: str("investigation"),
        identifierKind: str("investigation"),
        identifierId: str("investigation"),
        watchId: str("investigation"),
        message: str("investigation"),
        detail: str("investigation"),
        acknowledgedBy: str("investigation"),
        acknowledgedAt: str("investigation"),
      },
    },
    Watch: {
      key: "id",
      keySource: ["investigation"],
      counted: false,
      properties: {
        name: str("investigation"),
        query: str("investigation"),
        params: str("investigation"),
        // Digests of the rows seen so far, a JSON array.
        seen: str("investigation"),
        addedBy: str("investigation"),
        addedAt: str("investigation"),
      },
    },
  },
  /**
   * Relationship types. `load` says how input rows create them: `fields` names the row fields
   * holding the two ends' keys (the row is one upsert kind of its own) and `mergeOn` the
   * properties it is merged on besides its ends; `with` makes it part of that node kind's rows
   * (`field` holds the start's key; `optional` when it may be empty; `replace` when a re-import
   * replaces it rather than adding one). Without `load` the analysis writes it.
   */
  rels: {
    SHIPS_TO: {
      from: "Account",
      to: "Address",
      load: { fields: ["accountId", "addressId"], mergeOn: ["type"] },
      properties: { type: p("string", ["addresses.type"], { default: "shipping" }) },
    },
    USES: {
      from: "Account",
      to: "Device",
      load: { fields: ["accountId", "deviceId"] },
      properties: { firstSeen: time("devices.first_seen"), lastSeen: time("devices.last_seen") },
    },
    HAS_EMAIL: { from: "Account", to: "Email", load: { fields: ["accountId", "identifierId"] }, properties: {} },
    HAS_PHONE: { from: "Account", to: "Phone", load: { fields: ["accountId", "identifierId"] }, properties: {} },
    PAYS_WITH: {
      from: "Account",
      to: "Payment",
      load: { fields: ["accountId", "identifierId"] },
      properties: { firstSeen: time("payments.first_seen") },
    },
    USES_IP: { from: "Account", to: "IP", load: { fields: ["accountId", "identifierId"] }, properties: {} },
    REQUESTED: { from: "Account", to: "Refund", load: { with: "Refund", field: "accountId" }, properties: {} },
    APPROVED: {
      from: "Employee",
      to: "Refund",
      load: { with: "Refund", field: "employeeId", optional: true, replace: true },
      properties: {},
    },
    HAS_CONTACT: { from: "Account", to: "Contact", load: { with: "Contact", field: "accountId", replace: true }, properties: {} },
    DISCUSSED_IN: {
      from: "Refund",
      to: "Contact",
      load: { with: "Contact", field: "refundId", optional: true, replace: true },
      properties: {},
    },
    HANDLED: {
      from: "Employee",
      to: "Contact",
      load: { with: "Contact", field: "employeeId", optional: true, replace: true },
      properties: {},
    },
    // The contacting party's identifiers: the same nodes accounts use, and handles.
    FROM_DEVICE: { from: "Contact", to: "Device", load: { fields: ["contactId", "identifierId"] }, properties: {} },
    FROM_PHONE: { from: "Contact", to: "Phone", load: { fields: ["contactId", "identifierId"] }, properties: {} },
    FROM_EMAIL: { from: "Contact", to: "Email", load: { fields: ["contactId", "identifierId"] }, properties: {} },
    FROM_IP: { from: "Contact", to: "IP", load: { fields: ["contactId", "identifierId"] }, properties: {} },
    FROM_HANDLE: { from: "Contact", to: "Handle", load: { fields: ["contactId", "identifierId"] }, properties: {} },
    MEMBER_OF: { from: "Account", to: "Ring", properties: {} },
    SUSPECTED_IN: {
      from: "Employee",
      to: "Ring",
      properties: {
        share: p("double", ["analysis"]),
        baseline: p("double", ["analysis"]),
        lift: p("double", ["analysis"]),
        approvals: p("long", ["analysis"]),
        noReturnApprovals: p("long", ["analysis"]),
        score: p("double", ["analysis"]),
        reason: str("analysis"),
      },
    },
  },
} as const;

/**
 * Neo4j-only names of the analysis swap (neo4j-analysis-io.ts): rings of a running analysis
 * are staged under `staged` with `analysisId` until they replace the current ones; replaced
 * rings carry `retired` until they are deleted. Neo4j indexes the staged rings' key.
 */
export const RING_STAGING = { staged: "RingStaged", retired: "RingRetired", analysisId: "analysisId" } as const;

export type NodeKind = keyof typeof GRAPH.nodes;
export type RelKind = keyof typeof GRAPH.rels;
/** Node kinds of the graph proper: what the store counts and the API serves (Meta is bookkeeping). */
export type GraphNodeKind = { [K in NodeKind]: (typeof GRAPH.nodes)[K] extends { counted: false } ? never : K }[NodeKind];
export type PropertyOf<K extends NodeKind> = keyof (typeof GRAPH.nodes)[K]["properties"] & string;
export type RelPropertyOf<R extends RelKind> = keyof (typeof GRAPH.rels)[R]["properties"] & string;

type Rels = typeof GRAPH.rels;
/** Start-key fields of the relationships loaded with node kind K (a refund's accountId, employeeId). */
type WithFields<K> = { [R in RelKind]: Rels[R] extends { load: { with: K; field: infer F } } ? F : never }[RelKind];
/**
 * The fields of an upsert row of kind K, as the loaders read them (load-rows.ts at run time).
 * graph-store.ts checks the domain's row types against it, so a property added here fails to
 * compile until the rows carry it.
 */
export type RowFields<K> = K extends NodeKind
  ? (typeof GRAPH.nodes)[K]["key"] | WithFields<K> | PropertyOf<K>
  : K extends RelKind
    ? Rels[K] extends { load: { fields: readonly (infer F)[] } }
      ? F | RelPropertyOf<K>
      : never
    : never;

/** A stored value's TypeScript type: times are epoch milliseconds (UTC). */
type ValueType<T> = T extends "string"
  ? string
  : T extends "datetime" | "double" | "long"
    ? number
    : T extends "boolean"
      ? boolean
      : T extends "string[]"
        ? string[]
        : never;
/** A property's value in a loaded row: null where the input may leave it empty (no default, not required). */
type ValueOf<D> = D extends { type: infer T }
  ? D extends { default: string } | { required: true }
    ? ValueType<T>
    : ValueType<T> | null
  : never;
type Flat<T> = { [F in keyof T]: T[F] };
/** Start keys of the relationships loaded with node kind K: a string, or null where the relationship is optional. */
type WithValues<K> = {
  [R in RelKind as Rels[R] extends { load: { with: K; field: string } }
    ? Rels[R]["load"] extends { field: infer F extends string }
      ? F
      : never
    : never]: Rels[R] extends { load: { optional: true } } ? string | null : string;
};
/**
 * The domain's row of node kind K, derived from the description: its key, its properties
 * typed and null-able as described, and the start keys of the relationships loaded with it.
 * server/domain/model.ts names these (`Account = NodeRow<"Account">`), so a property added
 * here is in the domain's type at once.
 */
export type NodeRow<K extends NodeKind> = Flat<{ [F in (typeof GRAPH.nodes)[K]["key"]]: string } & NodeProperties<K> & WithValues<K>>;
/** The described properties of node kind K alone, typed as in NodeRow. */
export type NodeProperties<K extends NodeKind> = { [P in PropertyOf<K>]: ValueOf<(typeof GRAPH.nodes)[K]["properties"][P]> };
