/**
 * Sigma nodeReducer/edgeReducer: turn data attributes plus the view state into display
 * attributes (colour and shape by kind, size by value or degree, insider/hub marks, hover
 * dimming, hidden kinds, the time bar's window). Pure functions of (graph, state); they never write to the graph.
 */
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import type { DataGraph, EdgeData, NodeData } from "../graph/data-graph.ts";
import type { ShapeDisplayData } from "./node-shape-program.ts";
import { DEFAULT_EDGE_COLOR, DIMMED, EDGE_COLORS, INSIDER_APPROVAL_COLOR, MARKS, RETURNED_REFUND_COLOR, nodeStyle } from "./palette.ts";
import type { ViewState } from "./view-state.ts";

const MIN_SIZE = 4;
const MAX_SIZE = 20;
const MARK_BONUS = 3;

function baseSize(graph: DataGraph, key: string, data: NodeData, state: ViewState): number {
  // Identifiers (devices, addresses, emails, phones, cards, IPs) carry no value: they are sized by how many they connect instead.
  const ratio = state.sizeBy === "degree" || data.value === null ? graph.degree(key) / state.maxDegree : data.value / state.maxValue;
  const size = MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(Math.max(0, Math.min(1, ratio)));
  if (data.kind === "Ring") return MAX_SIZE;
  return data.kind === "Refund" ? Math.min(size, 10) : size;
}

const MAX_LABEL = 24;

function label(data: NodeData): string {
  // Display only: device ids are long hashes; the details panel shows the full text.
  let text = data.label.length > MAX_LABEL ? `${data.label.slice(0, MAX_LABEL - 1)}…` : data.label;
  if (data.insider) text += MARKS.insider.suffix;
  if (data.hub) text += MARKS.hub.suffix;
  return text;
}

function isDimmed(key: string, state: ViewState): boolean {
  return state.hovered !== null && key !== state.hovered && !state.hoveredNeighbours.has(key);
}

export function createNodeReducer(graph: DataGraph, state: ViewState) {
  return (key: string, data: NodeData): Partial<NodeDisplayData> & ShapeDisplayData => {
    const style = nodeStyle(data.kind);
    const marked = data.insider || data.hub;
    const returned = data.kind === "Refund" && data.properties.returned === true;
    const display: Partial<NodeDisplayData> & ShapeDisplayData = {
      x: data.x,
      y: data.y,
      type: "shape",
      shape: style.shape,
      label: label(data),
      size: baseSize(graph, key, data, state) + (marked ? MARK_BONUS : 0),
      color: returned ? RETURNED_REFUND_COLOR : style.color,
      hidden: state.hiddenKinds.has(data.kind) || state.outsideWindow.has(key),
      forceLabel: marked || key === state.selected,
      zIndex: marked ? 2 : 1,
      highlighted: key === state.selected,
    };
    if (marked) {
      display.borderColor = data.insider ? MARKS.insider.color : MARKS.hub.color;
      display.borderSize = 0.35;
    }
    if (isDimmed(key, state)) {
      Object.assign(display, { color: DIMMED.node, borderColor: DIMMED.node, label: "", forceLabel: false, zIndex: 0 });
    } else if (state.hovered !== null) {
      Object.assign(display, { forceLabel: true, zIndex: 3 });
    }
    return display;
  };
}

export function createEdgeReducer(graph: DataGraph, state: ViewState) {
  return (key: string, data: EdgeData): Partial<EdgeDisplayData> => {
    const [source, target] = graph.extremities(key);
    const hidden =
      state.hiddenKinds.has(graph.getNodeAttribute(source, "kind")) ||
      state.hiddenKinds.has(graph.getNodeAttribute(target, "kind")) ||
      state.outsideWindow.has(source) ||
      state.outsideWindow.has(target);
    const touchesHover = state.hovered === source || state.hovered === target;
    const dimmed = state.hovered !== null && !touchesHover;
    // Approvals by a suspected insider stand out; everyone else's fade into the background.
    const insiderApproval = data.rel === "APPROVED" && graph.getNodeAttribute(source, "insider");
    const color = insiderApproval ? INSIDER_APPROVAL_COLOR : (EDGE_COLORS[data.rel] ?? DEFAULT_EDGE_COLOR);
    return {
      color: dimmed ? DIMMED.edge : color,
      size: Math.min(1 + Math.log2(data.count), 4) * (touchesHover ? 1.8 : 1),
      hidden,
      zIndex: touchesHover ? 2 : dimmed ? 0 : 1,
    };
  };
}
