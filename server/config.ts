/**
 * Settings → defaults → validate, once. `loadConfig(env)` is the only reader of the
 * environment; everything else receives the resolved Config. CLI flags override it.
 */
import { z } from "zod";
import { RinglensError } from "./errors.ts";
import { ApiTokenSchema, parseApiTokens } from "./api-tokens.ts";

const ConfigSchema = z.object({
  db: z.string().min(1).describe("Folder of the embedded store (RINGLENS_DB)"),
  port: z.coerce.number().int().min(0).max(65535).describe("HTTP port of `serve` (RINGLENS_PORT)"),
  host: z.string().min(1).describe("Interface `serve` binds to (RINGLENS_HOST); 127.0.0.1 keeps it local"),
  token: z.string().min(16).optional().describe("Token for write endpoints (RINGLENS_TOKEN); without it they are off"),
  tokens: z
    .array(ApiTokenSchema)
    .describe("Named tokens with roles (RINGLENS_TOKENS=name:role:token,…); RINGLENS_TOKEN joins them as `admin` (apiTokens)"),
  alertWebhook: z
    .string()
    .url()
    .regex(/^https?:\/\//, "an http(s) URL")
    .optional()
    .describe("Where each analysis POSTs the alerts it raised, as JSON (RINGLENS_ALERT_WEBHOOK)"),
  dbMemoryMb: z.coerce.number().int().min(64).describe("Buffer pool of the embedded store in MB (RINGLENS_DB_MEMORY_MB)"),
  importRoot: z.string().min(1).describe("Folder that API imports may read from, and below (RINGLENS_IMPORT_ROOT)"),
  queryTimeoutMs: z.coerce.number().int().positive().describe("Timeout of saved queries in ms (RINGLENS_QUERY_TIMEOUT_MS)"),
  storeWaitS: z.coerce
    .number()
    .min(0)
    .describe(
      "How long `serve` keeps retrying, with back-off, a store that is not available at start-up, in seconds (RINGLENS_STORE_WAIT_S)",
    ),
  store: z.enum(["embedded", "neo4j"]).describe("Which store to use; neo4j when NEO4J_URI is set"),
  neo4j: z.object({
    uri: z.string().optional(),
    user: z.string(),
    password: z.string().optional(),
    database: z.string().optional(),
  }),
  logLevel: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .describe("Log level of `serve` (RINGLENS_LOG_LEVEL); request lines are debug at a terminal, info in JSON"),
  logFormat: z
    .enum(["auto", "json", "pretty"])
    .describe(
      "How `serve` logs to stderr (RINGLENS_LOG_FORMAT, or --log-format): pretty is one short readable line per entry, json one JSON object per line; auto is pretty when stderr is a terminal, else json",
    ),
  pauseAt: z
    .array(z.string().min(1))
    .describe("For tests: checkpoints to pause at, comma-separated (RINGLENS_PAUSE_AT; see server/checkpoints.ts)"),
});

export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: Record<string, string | undefined>): Config {
  const raw = {
    db: env.RINGLENS_DB ?? "./data/ringlens",
    port: env.RINGLENS_PORT ?? 3000,
    host: env.RINGLENS_HOST ?? "127.0.0.1",
    token: env.RINGLENS_TOKEN || undefined,
    tokens: parseApiTokens(env.RINGLENS_TOKENS, undefined),
    alertWebhook: env.RINGLENS_ALERT_WEBHOOK || undefined,
    dbMemoryMb: env.RINGLENS_DB_MEMORY_MB ?? 2048,
    importRoot: env.RINGLENS_IMPORT_ROOT ?? ".",
    queryTimeoutMs: env.RINGLENS_QUERY_TIMEOUT_MS ?? 10_000,
    storeWaitS: env.RINGLENS_STORE_WAIT_S ?? 60,
    store: env.RINGLENS_STORE ?? (env.NEO4J_URI ? "neo4j" : "embedded"),
    neo4j: { uri: env.NEO4J_URI, user: env.NEO4J_USER ?? "neo4j", password: env.NEO4J_PASSWORD, database: env.NEO4J_DATABASE },
    logLevel: env.RINGLENS_LOG_LEVEL ?? "info",
    logFormat: env.RINGLENS_LOG_FORMAT ?? "auto",
    pauseAt: (env.RINGLENS_PAUSE_AT ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== ""),
  };
  // RINGLENS_TOKEN joins the named tokens as `admin` (apiTokens); checked here for a name or token given twice.
  parseApiTokens(env.RINGLENS_TOKENS, env.RINGLENS_TOKEN || undefined);
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join(".");
    throw new RinglensError("invalid-input", `config: invalid \`${key}\`: ${issue.message}`);
  }
  return parsed.data;
}
