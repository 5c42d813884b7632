/**
 * A saved query's rows as a table: columns in the query's order, cells as text or, for
 * nodes, buttons that find them on the canvas; a caption gives the row count and run time.
 * Renders at most a few hundred rows and says so.
 */
import type { QueryRunResult } from "../../../wire/wire-types.ts";
import { el } from "./dom.ts";
import { formatInt } from "./format.ts";
import { resultCell } from "./result-cell.ts";

const SHOWN = 500;

export function renderResultsTable(result: QueryRunResult, title: string, onFocusNode: (key: string) => void): HTMLElement {
  const columns = result.columns.length ? result.columns : Object.keys(result.rows[0] ?? {});
  const caption =
    `${title}: ${formatInt(result.stats.rows)} row${result.stats.rows === 1 ? "" : "s"} in ${formatInt(result.stats.ms)} ms${result.stats.cached ? " (kept from an earlier run, data unchanged)" : ""}` +
    (result.rows.length > SHOWN ? ` (first ${SHOWN} shown)` : "");
  if (result.rows.length === 0) return el("p", { className: "muted results-caption" }, `${caption}. No rows.`);
  return el(
    "div",
    { className: "table-scroll", attrs: { tabindex: "0", role: "region", "aria-label": "Query result rows" } },
    el(
      "table",
      { className: "results-table" },
      el("caption", null, caption),
      el("thead", null, el("tr", null, ...columns.map((c) => el("th", { attrs: { scope: "col" } }, c)))),
      el(
        "tbody",
        null,
        ...result.rows
          .slice(0, SHOWN)
          .map((row) =>
            el(
              "tr",
              null,
              ...columns.map((c) => el("td", { className: typeof row[c] === "number" ? "num" : "" }, resultCell(row[c], onFocusNode))),
            ),
          ),
      ),
    ),
  );
}
