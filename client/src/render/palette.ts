/**
 * The visual vocabulary: colour and shape per node type, colour per relationship, and the
 * marks for insiders and hubs. Shared by the reducers and the legend so they never disagree.
 * Colours follow the Okabe–Ito palette (distinguishable with common colour blindness).
 * Every node kind and relationship type of the graph description must have its entry (the
 * `satisfies` clauses fail to compile otherwise).
 */
import type { WireEdgeType, WireNodeType } from "../../../wire/wire-types.ts";

export const SHAPES = ["circle", "triangle", "square", "diamond", "hexagon"] as const;
export type Shape = (typeof SHAPES)[number];

export interface NodeStyle {
  color: string;
  shape: Shape;
  /** Plural name for the legend. */
  name: string;
}

export const NODE_STYLES: Record<string, NodeStyle> = {
  Account: { color: "#0072B2", shape: "circle", name: "Accounts" },
  Address: { color: "#009E73", shape: "square", name: "Addresses" },
  Device: { color: "#AA4499", shape: "diamond", name: "Devices" },
  Email: { color: "#56B4E9", shape: "square", name: "Emails" },
  Phone: { color: "#CC79A7", shape: "diamond", name: "Phones" },
  Payment: { color: "#B8A100", shape: "square", name: "Payment instruments" },
  IP: { color: "#8C8C5A", shape: "triangle", name: "IP addresses" },
  Employee: { color: "#E69F00", shape: "triangle", name: "Support employees" },
  Refund: { color: "#D55E00", shape: "circle", name: "Refunds" },
  Handle: { color: "#44AA99", shape: "triangle", name: "Chat handles" },
  Contact: { color: "#882255", shape: "hexagon", name: "Support contacts" },
  Ring: { color: "#1a1a1a", shape: "hexagon", name: "Rings" },
} satisfies Record<WireNodeType, NodeStyle>;

export const UNKNOWN_NODE_STYLE: NodeStyle = { color: "#777777", shape: "circle", name: "Other" };

/** A refund that came back is drawn paler: it is the unreturned ones that matter. */
export const RETURNED_REFUND_COLOR = "#E8B796";

export function nodeStyle(kind: string): NodeStyle {
  return NODE_STYLES[kind] ?? UNKNOWN_NODE_STYLE;
}

export const EDGE_COLORS: Record<string, string> = {
  SHIPS_TO: "#7fc7ae",
  USES: "#cc99c4",
  HAS_EMAIL: "#a9d9f4",
  HAS_PHONE: "#e5bcd3",
  PAYS_WITH: "#dccf7f",
  USES_IP: "#c5c5ac",
  REQUESTED: "#edb48f",
  APPROVED: "#f1d29b",
  HAS_CONTACT: "#c490ab",
  DISCUSSED_IN: "#edb48f",
  HANDLED: "#f1d29b",
  FROM_DEVICE: "#cc99c4",
  FROM_PHONE: "#e5bcd3",
  FROM_EMAIL: "#a9d9f4",
  FROM_IP: "#c5c5ac",
  FROM_HANDLE: "#a2d4cc",
  MEMBER_OF: "#c8c8c8",
  SUSPECTED_IN: "#c0392b",
} satisfies Record<WireEdgeType, string>;

export const EDGE_NAMES: Record<string, string> = {
  SHIPS_TO: "ships to",
  USES: "uses device",
  HAS_EMAIL: "has email",
  HAS_PHONE: "has phone",
  PAYS_WITH: "pays with",
  USES_IP: "seen at IP",
  REQUESTED: "requested refund",
  APPROVED: "approved refund",
  HAS_CONTACT: "support contact about",
  DISCUSSED_IN: "discussed in contact",
  HANDLED: "handled contact",
  FROM_DEVICE: "contact from device",
  FROM_PHONE: "contact from phone",
  FROM_EMAIL: "contact from email",
  FROM_IP: "contact from IP",
  FROM_HANDLE: "contact quoting handle",
  MEMBER_OF: "member of ring",
  SUSPECTED_IN: "suspected insider in",
} satisfies Record<WireEdgeType, string>;

export const DEFAULT_EDGE_COLOR = "#bbbbbb";

/** An approval by a suspected insider. */
export const INSIDER_APPROVAL_COLOR = "#d55e00";

export const MARKS = {
  insider: { color: "#C00000", label: "Suspected insider", suffix: " ⚠ insider" },
  hub: { color: "#222222", label: "Hub (shared by very many accounts)", suffix: " ◆ hub" },
} as const;

/** Colours of everything that is not the hovered node or its neighbours. */
export const DIMMED = { node: "#e4e6ea", edge: "#eef0f3", label: "#9aa0a6" } as const;

export const STAGE_BACKGROUND = "#ffffff";
