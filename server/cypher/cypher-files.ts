/**
 * The one loader of ringlens' Cypher texts. Every statement the read model, the CLI and the
 * store adapters send lives in a named file under `cypher/` (`cypher/reads/ring-page.cypher`),
 * with `<name>.kuzu.cypher` beside it where the embedded engine's dialect differs. Each text is
 * paired once at start-up; a store picks the text of its own dialect, so no caller branches on
 * which store it talks to.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RinglensError } from "../errors.ts";

/** The Cypher dialects ringlens speaks: Neo4j 5's and the embedded engine's (kuzu). */
export type Dialect = "neo4j" | "kuzu";

/** One statement in both dialects (the same text where they agree). */
export interface CypherText {
  /** `<folder>/<file name without .cypher>`, for example `reads/ring-page`. */
  readonly name: string;
  readonly neo4j: string;
  readonly kuzu: string;
}

export const CYPHER_ROOT = fileURLToPath(new URL("../../cypher/", import.meta.url));

/** The statement text without its `//` comment lines and trailing semicolon. */
export function statementBody(text: string): string {
  return text.split(/\r?\n/).filter((l) => !l.trim().startsWith("//")).join("\n").trim().replace(/;\s*$/, "");
}

/** The files of one folder under `cypher/` that hold a Neo4j text (their `.kuzu.cypher` partners are read with them). */
export function listCypherFiles(folder: string, root: string = CYPHER_ROOT): string[] {
  return fs.readdirSync(path.join(root, folder)).filter((f) => f.endsWith(".cypher") && !f.endsWith(".kuzu.cypher")).sort();
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

const loaded = new Map<string, CypherText>();

function loadFolder(folder: string): void {
  for (const file of listCypherFiles(folder)) {
    const name = `${folder}/${file.replace(/\.cypher$/, "")}`;
    const { neo4j, kuzu } = readCypherFile(folder, file);
    loaded.set(name, Object.freeze({ name, neo4j, kuzu }));
  }
}

/**
 * The statement named `<folder>/<name>`; the folder is read whole on first use, so a missing
 * or empty file fails at start-up rather than on the first request that needs it.
 * @example cypher("reads/ring-page").neo4j // "MATCH (r:Ring) …"
 */
export function cypher(name: string): CypherText {
  let text = loaded.get(name);
  if (!text) {
    const folder = name.slice(0, name.lastIndexOf("/"));
    if (folder && fs.existsSync(path.join(CYPHER_ROOT, folder))) loadFolder(folder);
    text = loaded.get(name);
  }
  if (!text) throw new RinglensError("invalid-input", `cypher: no statement named ${name} (a file cypher/${name}.cypher)`);
  return text;
}

/** The text of `statement` in `dialect`. */
export function textFor(statement: CypherText, dialect: Dialect): string {
  return statement[dialect];
}
