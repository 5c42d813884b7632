/**
 * A saved investigation as read from `cypher/queries/`: its header (name, title, description,
 * typed parameters, result shape) and its Cypher text per engine.
 */
import type { ParamType } from "../../wire/wire-types.ts";

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
  /** Neo4j Cypher: the team's text as written in `<name>.cypher`. */
  neo4j: string;
  /** The embedded engine's text: `<name>.kuzu.cypher` where the dialects differ, else the same text. */
  embedded: string;
  file: string;
}
