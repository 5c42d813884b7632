/**
 * The bar above the graph: the view's title, layout start/stop, zoom to fit, expand the
 * selected node, fold refunds, size by, and the PNG/CSV/JSON exports. Plain buttons, so it
 * works from the keyboard; it only reports clicks and shows state it is given.
 */
import type { SizeBy } from "../render/view-state.ts";
import { el } from "./dom.ts";

export interface ToolbarHandlers {
  onToggleLayout(): void;
  onFit(): void;
  onExpand(): void;
  onFoldRefunds(fold: boolean): void;
  onSizeBy(sizeBy: SizeBy): void;
  onExportPng(): void;
  onExportCsv(): void;
  onExportJson(): void;
}

export interface Toolbar {
  setTitle(title: string, note?: string): void;
  setLayoutRunning(running: boolean): void;
  setEnabled(state: { graph: boolean; selection: boolean; ring: boolean }): void;
  /** Shows the fold-refunds box as `fold` (when the viewer unfolds by itself). */
  setFold(fold: boolean): void;
}

export function createToolbar(root: HTMLElement, handlers: ToolbarHandlers, fold: boolean): Toolbar {
  const title = el("h2", { className: "view-title", attrs: { id: "view-title" } });
  const note = el("span", { className: "view-note" });
  const button = (label: string, onClick: () => void, hint: string) =>
    el("button", { attrs: { type: "button", title: hint }, on: { click: onClick } }, label);
  const layout = button("Run layout", handlers.onToggleLayout, "Start or stop ForceAtlas2 (it stops by itself after a few seconds)");
  layout.setAttribute("aria-pressed", "false");
  const fit = button("Zoom to fit", handlers.onFit, "Show the whole graph");
  const expand = button("Expand", handlers.onExpand, "Add the selected node's neighbours (or double-click a node)");
  const foldBox = el("input", { attrs: { type: "checkbox", id: "fold-refunds" } });
  foldBox.checked = fold;
  foldBox.addEventListener("change", () => handlers.onFoldRefunds(foldBox.checked));
  const sizeBy = el(
    "select",
    { attrs: { id: "size-by" } },
    el("option", { attrs: { value: "value" } }, "refunded value"),
    el("option", { attrs: { value: "degree" } }, "connections"),
  );
  sizeBy.addEventListener("change", () => handlers.onSizeBy(sizeBy.value === "degree" ? "degree" : "value"));
  const png = button("PNG", handlers.onExportPng, "Download the canvas as an image");
  const csv = button("CSV", handlers.onExportCsv, "Download the ring's members as CSV");
  const json = button("JSON", handlers.onExportJson, "Download the graph on screen as JSON");

  root.append(
    el("div", { className: "toolbar-title" }, title, note),
    el(
      "div",
      { className: "toolbar-controls", attrs: { role: "toolbar", "aria-label": "Graph controls" } },
      layout,
      fit,
      expand,
      el("label", { className: "inline", attrs: { for: "fold-refunds" } }, foldBox, " Fold refunds"),
      el("label", { className: "inline", attrs: { for: "size-by" } }, "Size by ", sizeBy),
      el("span", { className: "export-group", attrs: { role: "group", "aria-label": "Export" } }, "Export ", png, csv, json),
    ),
  );

  return {
    setTitle(text, extra = "") {
      title.textContent = text;
      note.textContent = extra;
    },
    setLayoutRunning(running) {
      layout.textContent = running ? "Stop layout" : "Run layout";
      layout.setAttribute("aria-pressed", String(running));
    },
    setFold(fold) {
      foldBox.checked = fold;
    },
    setEnabled({ graph, selection, ring }) {
      for (const control of [layout, fit, png, json, foldBox, sizeBy]) control.disabled = !graph;
      expand.disabled = !selection;
      csv.disabled = !ring;
    },
  };
}
