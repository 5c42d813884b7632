/**
 * A saved investigation as read from `cypher/queries/`: its header (name, title, description,
 * typed parameters, result shape) and its Cypher text in both dialects.
 */
import type { ParamType } from "../../wire/wire-types.ts";
import type { CypherText } from "../cypher/cypher-files.ts";

export const PARAM_TYPES = ["string", "int", "float", "boolean", "date", "string[]"] as const satisfies readonly ParamType[];

export interface ParamDefinition {
  name: string;
  type: ParamType;
  /** Parsed default; undefined when the parameter is required. */
  default: unknown;
  required: boolean;
  help: string;
  min?: number;
  max?: number;
}

export interface QueryDefinition {
  name: string;
  title: string;
  description: string;
  returns: "table" | "graph";
  params: ParamDefinition[];
  /** `<file>.cypher`, paired with `<file>.kuzu.cypher` where the dialects differ, by the one loader (cypher-files.ts). */
  text: CypherText;
  file: string;
}
