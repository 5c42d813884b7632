/**
 * One cell of a saved query's result: graph values the stores put in rows (a node, a
 * relationship, a path) become short text — a node as a button that finds it on the
 * canvas — and anything else goes through formatCell.
 */
import { nodeKey } from "../graph/data-graph.ts";
import { el } from "./dom.ts";
import { formatCell } from "./format.ts";

interface CellNode {
  _type: "node";
  label: string;
  id: string;
  properties?: Record<string, unknown>;
}
interface CellRel {
  _type: "rel";
  type: string;
}
interface CellPath {
  _type: "path";
  nodes: CellNode[];
  rels: CellRel[];
}

const isTyped = (value: unknown, type: string): boolean =>
  typeof value === "object" && value !== null && (value as { _type?: unknown })._type === type;

function nodeText(node: CellNode): string {
  const name = node.properties?.name ?? node.properties?.line1;
  return typeof name === "string" && name !== node.id ? `${node.label} ${node.id} (${name})` : `${node.label} ${node.id}`;
}

/** @example td.append(resultCell(row.a, focusNode)) */
export function resultCell(value: unknown, onFocusNode: (key: string) => void): Node {
  if (isTyped(value, "node")) {
    const node = value as CellNode;
    return el(
      "button",
      {
        className: "link",
        attrs: { type: "button", title: "Find on the canvas" },
        on: { click: () => onFocusNode(nodeKey(node.label, node.id)) },
      },
      nodeText(node),
    );
  }
  if (isTyped(value, "rel")) return document.createTextNode((value as CellRel).type);
  if (isTyped(value, "path")) {
    const path = value as CellPath;
    return document.createTextNode(path.nodes.map((n) => `${n.label} ${n.id}`).join(" → "));
  }
  return document.createTextNode(formatCell(value));
}
