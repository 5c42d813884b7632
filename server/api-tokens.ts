/**
 * Named API tokens with roles. RINGLENS_TOKENS is a comma-separated list of
 * `name:role:token` (role `analyst` or `admin`; the token is everything after the second
 * colon, 16+ characters, no commas), for example
 * `RINGLENS_TOKENS=ana:analyst:6f1d…,ops:admin:9c2e…`. A single RINGLENS_TOKEN is the token of
 * `admin`, role admin. Messages name an entry by its position and name, never by its token.
 */
import { z } from "zod";
import { ROLES } from "./domain/investigation/case-types.ts";
import { RinglensError } from "./errors.ts";

export const ApiTokenSchema = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_.@-]{1,64}$/, "a name of letters, digits and . _ @ - (at most 64)")
    .describe("Who the token is: the actor the audit trail records"),
  role: z.enum(ROLES).describe("analyst: may change cases, notes, alerts, watches; admin: also imports and analyses"),
  token: z.string().min(16, "a token of 16+ characters").describe("The secret sent as Authorization: Bearer …"),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

/**
 * The tokens of RINGLENS_TOKENS and RINGLENS_TOKEN, checked.
 *
 * @example parseApiTokens("ana:analyst:0123456789abcdef", undefined) // [{ name: "ana", role: "analyst", token: "0123…" }]
 */
export function parseApiTokens(list: string | undefined, single: string | undefined): ApiToken[] {
  const out: ApiToken[] = [];
  const entries = (list ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
  entries.forEach((entry, i) => {
    const first = entry.indexOf(":");
    const second = first < 0 ? -1 : entry.indexOf(":", first + 1);
    const name = first < 0 ? "" : entry.slice(0, first);
    const where = `config: RINGLENS_TOKENS entry ${i + 1}${name ? ` (${name})` : ""}`;
    if (second < 0) throw new RinglensError("invalid-input", `${where}: expecting name:role:token`);
    const parsed = ApiTokenSchema.safeParse({ name, role: entry.slice(first + 1, second), token: entry.slice(second + 1) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const detail = issue.path[0] === "role" ? `role must be ${ROLES.join(" or ")}` : `${String(issue.path[0])}: ${issue.message}`;
      throw new RinglensError("invalid-input", `${where}: ${detail}`);
    }
    out.push(parsed.data);
  });
  if (single) out.push({ name: "admin", role: "admin", token: single });
  const names = new Set<string>();
  const secrets = new Set<string>();
  for (const t of out) {
    if (names.has(t.name)) throw new RinglensError("invalid-input", `config: RINGLENS_TOKENS names ${t.name} twice`);
    if (secrets.has(t.token)) throw new RinglensError("invalid-input", `config: RINGLENS_TOKENS gives ${t.name} a token another entry has`);
    names.add(t.name);
    secrets.add(t.token);
  }
  return out;
}

/** Every token the server accepts: RINGLENS_TOKENS' entries, and RINGLENS_TOKEN as `admin`. */
export function apiTokens(config: { tokens: readonly ApiToken[]; token?: string }): ApiToken[] {
  return config.token ? [...config.tokens, { name: "admin", role: "admin", token: config.token }] : [...config.tokens];
}
