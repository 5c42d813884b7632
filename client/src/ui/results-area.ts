/**
 * The drawer under the graph that holds a saved query's result table, with a close button.
 */
import type { QueryRunResult } from "../../../wire/wire-types.ts";
import { el, replaceChildren } from "./dom.ts";
import { renderResultsTable } from "./results-table.ts";

export interface ResultsArea {
  show(title: string, result: QueryRunResult): void;
  hide(): void;
}

export function createResultsArea(root: HTMLElement, onFocusNode: (key: string) => void): ResultsArea {
  const hide = () => {
    root.hidden = true;
    replaceChildren(root);
  };
  return {
    show(title, result) {
      replaceChildren(
        root,
        el(
          "div",
          { className: "results-head" },
          el("h2", null, "Query results"),
          el("button", { attrs: { type: "button", "aria-label": "Close the results" }, on: { click: hide } }, "Close"),
        ),
        renderResultsTable(result, title, onFocusNode),
      );
      root.hidden = false;
    },
    hide,
  };
}
