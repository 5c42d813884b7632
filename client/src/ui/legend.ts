/**
 * The legend under the graph: one entry per node kind present (shape and colour, count),
 * each a toggle button that hides or shows that kind; the insider and hub marks; the
 * relationship colours present. Swatches are small SVGs built from the palette.
 */
import type { DataGraph } from "../graph/data-graph.ts";
import { DEFAULT_EDGE_COLOR, EDGE_COLORS, EDGE_NAMES, INSIDER_APPROVAL_COLOR, MARKS, nodeStyle, type Shape } from "../render/palette.ts";
import { el, replaceChildren } from "./dom.ts";
import { formatInt } from "./format.ts";

const SVG = "http://www.w3.org/2000/svg";

const SHAPE_PATHS: Record<Shape, string> = {
  circle: "M8 2a6 6 0 1 0 0.001 0Z",
  triangle: "M8 1.5 14.5 13.5H1.5Z",
  square: "M2.5 2.5h11v11h-11Z",
  diamond: "M8 1 15 8 8 15 1 8Z",
  hexagon: "M8 1.5 13.6 4.75v6.5L8 14.5 2.4 11.25v-6.5Z",
};

export function swatch(shape: Shape, fill: string, stroke?: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", SHAPE_PATHS[shape]);
  path.setAttribute("fill", fill);
  if (stroke) {
    path.setAttribute("stroke", stroke);
    path.setAttribute("stroke-width", "2.5");
  }
  svg.append(path);
  return svg;
}

export interface Legend {
  update(graph: DataGraph | null, hidden: ReadonlySet<string>): void;
}

export function createLegend(root: HTMLElement, onToggleKind: (kind: string) => void): Legend {
  return {
    update(graph, hidden) {
      if (!graph || graph.order === 0) return replaceChildren(root);
      const kinds = new Map<string, number>();
      const rels = new Set<string>();
      graph.forEachNode((_key, data) => kinds.set(data.kind, (kinds.get(data.kind) ?? 0) + 1));
      graph.forEachEdge((_key, data) => rels.add(data.rel));
      const kindButtons = [...kinds].map(([kind, count]) => {
        const style = nodeStyle(kind);
        return el(
          "li",
          null,
          el(
            "button",
            {
              className: "legend-kind",
              attrs: { type: "button", "aria-pressed": String(!hidden.has(kind)), title: `Show or hide ${style.name.toLowerCase()}` },
              on: { click: () => onToggleKind(kind) },
            },
            swatch(style.shape, style.color),
            ` ${style.name} `,
            el("span", { className: "muted" }, formatInt(count)),
          ),
        );
      });
      const marks = [
        graph.someNode((_key, data) => data.insider) &&
          el("li", null, swatch("triangle", nodeStyle("Employee").color, MARKS.insider.color), ` ${MARKS.insider.label}`),
        graph.someNode((_key, data) => data.hub) &&
          el("li", null, swatch("square", nodeStyle("Address").color, MARKS.hub.color), ` ${MARKS.hub.label}`),
      ];
      const insiderApprovals = graph.someEdge((_key, data, source) => data.rel === "APPROVED" && graph.getNodeAttribute(source, "insider"));
      const plainApprovals = graph.someEdge((_key, data, source) => data.rel === "APPROVED" && !graph.getNodeAttribute(source, "insider"));
      const edgeKinds: [string, string][] = [...rels]
        .filter((rel) => rel !== "APPROVED" || plainApprovals)
        .map((rel) => [EDGE_COLORS[rel] ?? DEFAULT_EDGE_COLOR, EDGE_NAMES[rel] ?? rel]);
      if (insiderApprovals) edgeKinds.push([INSIDER_APPROVAL_COLOR, "approved by a suspected insider"]);
      const edges = edgeKinds.map(([color, name]) => {
        const line = el("span", { className: "edge-swatch", attrs: { "aria-hidden": "true" } });
        line.style.background = color;
        return el("li", null, line, ` ${name}`);
      });
      replaceChildren(
        root,
        el("ul", { className: "legend-kinds", attrs: { "aria-label": "Node types (toggle to hide)" } }, ...kindButtons),
        el("ul", { className: "legend-marks", attrs: { "aria-label": "Marks" } }, ...marks),
        el("ul", { className: "legend-edges", attrs: { "aria-label": "Relationships" } }, ...edges),
      );
    },
  };
}
