/**
 * The one loader of ringlens' Cypher texts. Every statement the read model, the CLI and the
 * store adapters send lives in a named file under `cypher/` (`cypher/reads/ring-members.cypher`),
 * with `<name>.kuzu.cypher` beside it where the embedded engine's dialect differs. Each text is
 * paired once at start-up; a store picks the text of its own dialect, so no caller branches on
 * which store it talks to.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RinglensError } from "../errors.ts";
import { SLOT_DOMAINS, type SlotDomain } from "./slot-domains.ts";

/** The Cypher dialects ringlens speaks: Neo4j 5's and the embedded engine's (kuzu). */
export type Dialect = "neo4j" | "kuzu";

declare const loadedHere: unique symbol;

/**
 * One statement in both dialects (the same text where they agree). Made only by this module
 * (the brand), so a store can be sure what it runs came from a file under `cypher/`.
 */
export interface CypherText {
  /** `<folder>/<file name without .cypher>`, for example `reads/ring-members` (with `[label=Account]` once its slots are filled). */
  readonly name: string;
  readonly neo4j: string;
  readonly kuzu: string;
  /** The `$parameters` its header declares (`// @param id …`), for the checks. */
  readonly params: readonly string[];
  /** Structural holes (`{{label}}`) its header declares (`// @slot label: node-label`), by domain; filled by withSlots. */
  readonly slots: Readonly<Record<string, SlotDomain>>;
  readonly [loadedHere]: true;
}

export const CYPHER_ROOT = fileURLToPath(new URL("../../cypher/", import.meta.url));

/** The statement text without its `//` comment lines and trailing semicolon. */
export function statementBody(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((l) => !l.trim().startsWith("//"))
    .join("\n")
    .trim()
    .replace(/;\s*$/, "");
}

/** The files of one folder under `cypher/` that hold a Neo4j text (their `.kuzu.cypher` partners are read with them). */
export function listCypherFiles(folder: string, root: string = CYPHER_ROOT): string[] {
  return fs
    .readdirSync(path.join(root, folder))
    .filter((f) => f.endsWith(".cypher") && !f.endsWith(".kuzu.cypher"))
    .sort();
}

/** Reads `<folder>/<file>` and its `.kuzu.cypher` partner when there is one. */
export function readCypherFile(folder: string, file: string, root: string = CYPHER_ROOT): { raw: string; neo4j: string; kuzu: string } {
  const full = path.join(root, folder, file);
  const raw = fs.readFileSync(full, "utf8");
  const neo4j = statementBody(raw);
  const kuzuFile = full.replace(/\.cypher$/, ".kuzu.cypher");
  const kuzu = fs.existsSync(kuzuFile) ? statementBody(fs.readFileSync(kuzuFile, "utf8")) : neo4j;
  if (!neo4j) throw new RinglensError("invalid-input", `cypher: ${folder}/${file} has no statement`);
  if (!kuzu) throw new RinglensError("invalid-input", `cypher: ${folder}/${path.basename(kuzuFile)} has no statement`);
  return { raw, neo4j, kuzu };
}

const TAG = /^\/\/\s*@(param|slot)\s+(\w+)\s*(?::\s*([\w-]+))?/;

/**
 * `<folder>/<file>` as a CypherText named `<folder>/<file without .cypher>`, with the
 * parameters and slots its header declares (`// @param name …`, `// @slot name: domain`).
 * @example readCypherText("reads", "ring-page-by-score.cypher").kuzu
 */
export function readCypherText(folder: string, file: string, root: string = CYPHER_ROOT): CypherText {
  return readCypherSource(folder, file, root).text;
}

/** readCypherText with the file's own text beside it, for a reader of more of its header (the saved-query catalogue). */
export function readCypherSource(folder: string, file: string, root: string = CYPHER_ROOT): { text: CypherText; raw: string } {
  const name = `${folder}/${file.replace(/\.cypher$/, "")}`;
  const { raw, neo4j, kuzu } = readCypherFile(folder, file, root);
  const params: string[] = [];
  const slots: Record<string, SlotDomain> = {};
  for (const line of raw.split(/\r?\n/)) {
    const m = TAG.exec(line.trim());
    if (!m) continue;
    if (m[1] === "param") params.push(m[2]!);
    else if (m[3] && m[3] in SLOT_DOMAINS) slots[m[2]!] = m[3] as SlotDomain;
    else
      throw new RinglensError(
        "invalid-input",
        `cypher: ${name}: @slot ${m[2]} needs a domain, one of ${Object.keys(SLOT_DOMAINS).join(", ")}`,
      );
  }
  for (const hole of [...neo4j.matchAll(/\{\{(\w+)\}\}/g), ...kuzu.matchAll(/\{\{(\w+)\}\}/g)]) {
    if (!(hole[1]! in slots))
      throw new RinglensError("invalid-input", `cypher: ${name}: {{${hole[1]}}} is not declared (// @slot ${hole[1]}: DOMAIN)`);
  }
  const text = Object.freeze({ name, neo4j, kuzu, params: Object.freeze(params), slots: Object.freeze(slots) }) as unknown as CypherText;
  return { text, raw };
}

/**
 * `text` with each `{{slot}}` replaced by its value, refused unless the value belongs to the
 * slot's declared domain: structure (a label) is chosen from a closed set, never spelled by
 * a caller. Values travel as `$parameters`, never here.
 * @example withSlots(cypher("reads/node"), { label: "Account" })
 */
export function withSlots(text: CypherText, values: Readonly<Record<string, string>>): CypherText {
  const names = Object.keys(text.slots);
  for (const given of Object.keys(values)) {
    if (!names.includes(given)) throw new RinglensError("invalid-input", `cypher: ${text.name} has no slot ${given}`);
  }
  for (const slot of names) {
    const value = values[slot];
    const domain: readonly string[] = SLOT_DOMAINS[text.slots[slot]!]();
    if (value === undefined || !domain.includes(value)) {
      throw new RinglensError(
        "invalid-input",
        `cypher: ${text.name}: slot ${slot} must be ${domainText(text.slots[slot]!, domain)}, not ${JSON.stringify(value)}`,
      );
    }
  }
  const key = JSON.stringify(names.map((s) => values[s]));
  const kept = filled.get(text) ?? new Map<string, CypherText>();
  filled.set(text, kept);
  let made = kept.get(key);
  if (!made) {
    // The name shows the names filled in (a label, a type), not a whole column list.
    const name = `${text.name}[${names
      .filter((s) => /^\w+$/.test(values[s]!))
      .map((s) => `${s}=${values[s]}`)
      .join(",")}]`;
    const fill = (t: string) => t.replace(/\{\{(\w+)\}\}/g, (_, slot: string) => values[slot]!);
    made = Object.freeze({ ...text, name, neo4j: fill(text.neo4j), kuzu: fill(text.kuzu), slots: Object.freeze({}) }) as CypherText;
    kept.set(key, made);
  }
  return made;
}

/** The values a slot takes, or for a domain of long values (column lists) its name and size. */
function domainText(name: SlotDomain, domain: readonly string[]): string {
  const listed = domain.join(", ");
  return listed.length <= 300 ? `one of ${listed}` : `one of the ${domain.length} values of the slot domain ${name} (slot-domains.ts)`;
}

// Filled texts are kept (the domains are small), so a request does not rebuild its statement.
const filled = new WeakMap<CypherText, Map<string, CypherText>>();

const loaded = new Map<string, CypherText>();

/**
 * Reads every file of a folder under `cypher/` now, so a broken file stops a server at
 * start-up rather than failing the first request that needs its folder.
 * @example loadCypherFolder("reads")
 */
export function loadCypherFolder(folder: string): void {
  for (const file of listCypherFiles(folder)) {
    const text = readCypherText(folder, file);
    loaded.set(text.name, text);
  }
}

/**
 * The statement named `<folder>/<name>`; its folder is read whole on first use (a server reads
 * its folders at start-up, loadCypherFolder).
 * @example cypher("reads/ring-members").neo4j // "MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id}) …"
 */
export function cypher(name: string): CypherText {
  let text = loaded.get(name);
  if (!text) {
    const folder = name.slice(0, name.lastIndexOf("/"));
    if (folder && fs.existsSync(path.join(CYPHER_ROOT, folder))) loadCypherFolder(folder);
    text = loaded.get(name);
  }
  if (!text) throw new RinglensError("invalid-input", `cypher: no statement named ${name} (a file cypher/${name}.cypher)`);
  return text;
}

/** The text of `statement` in `dialect`. */
export function textFor(statement: CypherText, dialect: Dialect): string {
  if (Object.keys(statement.slots).length > 0) {
    throw new RinglensError(
      "invalid-input",
      `cypher: ${statement.name} has unfilled slots (${Object.keys(statement.slots).join(", ")}); fill them with withSlots`,
    );
  }
  return statement[dialect];
}
