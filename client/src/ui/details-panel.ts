/**
 * The right-hand panel: the selected node's details on top, the open ring's explanation
 * below, or an introduction when nothing is open. Holds no data of its own beyond what it
 * was last given; re-renders whole sections (they are small).
 */
import type { RingDetail } from "../../../wire/wire-types.ts";
import type { NodeData } from "../graph/data-graph.ts";
import { el, replaceChildren } from "./dom.ts";
import { renderNodeDetails, type NodeDetailsDeps } from "./node-details.ts";
import { renderRingExplanation, type ExplanationDeps } from "./ring-explanation.ts";
import { renderCasePanel, type CaseDeps } from "./case-panel.ts";

export type DetailsDeps = NodeDetailsDeps & ExplanationDeps & CaseDeps;

export interface DetailsPanel {
  setRing(ring: RingDetail | null): void;
  setNode(selection: { key: string; data: NodeData } | null): void;
  setIntro(text: string): void;
}

export function createDetailsPanel(root: HTMLElement, deps: DetailsDeps): DetailsPanel {
  const nodeSection = el("div", { className: "node-slot", attrs: { "aria-live": "polite" } });
  const ringSection = el("div", { className: "ring-slot" });
  const intro = el("div", { className: "intro" });
  root.append(nodeSection, ringSection, intro);
  let ring: RingDetail | null = null;

  return {
    setRing(next) {
      ring = next;
      intro.hidden = next !== null;
      replaceChildren(ringSection, next ? renderCasePanel(next, deps) : null, next ? renderRingExplanation(next, deps) : null);
    },
    setNode(selection) {
      replaceChildren(nodeSection, selection ? renderNodeDetails(selection.key, selection.data, ring, deps) : null);
      if (selection) intro.hidden = true;
    },
    setIntro(text) {
      replaceChildren(
        intro,
        el("h2", null, "Explore a ring"),
        el("p", null, text),
        el(
          "ul",
          { className: "muted" },
          el("li", null, "Hover a node to see its neighbours; click it for details; double-click to expand."),
          el("li", null, "Drag nodes; the layout runs by itself until the picture is still, or use Layout."),
          el("li", null, "Shapes and colours are explained in the legend under the graph."),
        ),
      );
      intro.hidden = ring !== null;
    },
  };
}
