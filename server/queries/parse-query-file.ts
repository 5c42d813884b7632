/**
 * Reads the header of a saved query file:
 *   // @name devices-shared
 *   // @title Devices shared by many accounts
 *   // @description …
 *   // @param minAccounts: int = 3 — at least this many accounts
 *   // @returns table
 * and refuses, naming file and line, anything it cannot use, including write clauses.
 */
import { RinglensError } from "../errors.ts";
import type { ParamType } from "../../wire/wire-types.ts";
import { PARAM_TYPES, type ParamDefinition, type QueryDefinition } from "./query-definition.ts";
import { coerceParam } from "./coerce-param.ts";
import { findWriteClause } from "./find-write-clause.ts";
import { statementBody } from "../cypher/cypher-files.ts";

const TAG = /^\/\/\s*@(\w+)\s*(.*)$/;
const PARAM =
  /^(\w+)\s*:\s*([\w[\]]+(?:\([^)]*\))?)\s*(?:=\s*(.*?))?\s*(?:—|--)\s*(.+)$|^(\w+)\s*:\s*([\w[\]]+(?:\([^)]*\))?)\s*(?:=\s*(.*?))?\s*$/;
const RANGE = /^(int|float)\((-?[\d.]+)?\.\.(-?[\d.]+)?\)$/;
const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** The header of a saved query file; its text comes from the one loader (readCypherText). */
export function parseQueryFile(file: string, text: string): Omit<QueryDefinition, "text"> {
  const fail = (line: number, message: string): never => {
    throw new RinglensError("invalid-input", `queries: ${file} line ${line}: ${message}`);
  };
  const header: Record<string, string> = {};
  const params: ParamDefinition[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const m = TAG.exec(line.trim());
    if (!m) return;
    const [, tag, value] = m as unknown as [string, string, string];
    if (tag === "param") params.push(parseParam(value.trim(), (msg) => fail(i + 1, msg)));
    else header[tag] = value.trim();
  });
  for (const required of ["name", "title", "description", "returns"]) {
    if (!header[required]) fail(1, `missing \`// @${required}\` in the header`);
  }
  if (!NAME.test(header.name!)) fail(1, `@name "${header.name}" must be lower-case letters, digits and dashes`);
  if (header.returns !== "table" && header.returns !== "graph") fail(1, `@returns must be table or graph, not "${header.returns}"`);
  const body = statementBody(text);
  if (!body) fail(1, "has no Cypher statement after its header");
  const write = findWriteClause(body);
  if (write) fail(1, `contains the write clause ${write}; saved queries are read-only`);
  return {
    name: header.name!,
    title: header.title!,
    description: header.description!,
    returns: header.returns as "table" | "graph",
    params,
    file,
  };
}

function parseParam(spec: string, fail: (message: string) => never): ParamDefinition {
  const m = PARAM.exec(spec);
  if (!m) return fail(`cannot read @param "${spec}"; write NAME: TYPE = DEFAULT — help`);
  const name = (m[1] ?? m[5])!;
  let type = (m[2] ?? m[6])!;
  let min: number | undefined;
  let max: number | undefined;
  const range = RANGE.exec(type);
  if (type.includes("(")) {
    if (!range) fail(`@param ${name}: cannot read the range in "${type}"; write int(1..1000) or float(0..)`);
    type = range![1]!;
    min = range![2] === undefined ? undefined : Number(range![2]);
    max = range![3] === undefined ? undefined : Number(range![3]);
  }
  const rawDefault = m[3] ?? m[7];
  const help = m[4] ?? "";
  if (!(PARAM_TYPES as readonly string[]).includes(type))
    fail(`@param ${name} has unknown type "${type}"; use one of ${PARAM_TYPES.join(", ")}`);
  let value: unknown;
  if (rawDefault !== undefined && rawDefault !== "") {
    const parsed = coerceParam(type as ParamType, rawDefault.replace(/^"(.*)"$/, "$1"), true);
    if (!parsed.ok) fail(`@param ${name} default ${rawDefault}: ${parsed.reason}`);
    else value = parsed.value;
  }
  return {
    name,
    type: type as ParamType,
    default: value,
    required: value === undefined,
    help: help.trim(),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
  };
}
