/**
 * The saved-queries panel: picks a query from the catalogue, shows its description and a
 * form generated from its parameters (prefilled from what is open: ring, selected node),
 * runs it and hands the result to the app; API errors are shown as the server's message.
 */
import type { QueryInfo, QueryRunResult } from "../../../wire/wire-types.ts";
import type { Api } from "../api/api-client.ts";
import { el, replaceChildren } from "./dom.ts";
import { buildParamForm, type ParamForm } from "./param-form.ts";

export interface QueriesDeps {
  api: Api;
  /** Values to prefill parameters with, by parameter name (ringId, accountId, ...). */
  context(): Record<string, unknown>;
  onResult(query: QueryInfo, result: QueryRunResult): void;
}

export interface QueriesPanel {
  /** Loads the catalogue the first time the panel is shown. */
  activate(): Promise<void>;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createQueriesPanel(root: HTMLElement, deps: QueriesDeps): QueriesPanel {
  const picker = el("select", { attrs: { id: "query-picker" } });
  const description = el("p", { className: "muted query-description" });
  const formSlot = el("div");
  const run = el("button", { className: "primary", attrs: { type: "submit" } }, "Run query");
  const message = el("p", { className: "error", attrs: { role: "alert", id: "query-error" } });
  const status = el("p", { className: "muted", attrs: { "aria-live": "polite" } });
  // novalidate: parameters are checked by param-form so every problem reads the same way.
  const form = el(
    "form",
    { className: "query-form", attrs: { "aria-label": "Saved query", novalidate: true } },
    el("label", { className: "field", attrs: { for: "query-picker" } }, "Query"),
    picker,
    description,
    formSlot,
    run,
    message,
    status,
  );
  root.append(form);

  let queries: QueryInfo[] = [];
  let params: ParamForm | null = null;
  let loaded: Promise<void> | null = null;

  const current = () => queries.find((q) => q.name === picker.value) ?? null;

  function showQuery() {
    const query = current();
    message.textContent = "";
    description.textContent = query ? `${query.description} (${query.returns === "graph" ? "draws a graph" : "returns a table"})` : "";
    params = query ? buildParamForm("query", query.params, deps.context()) : null;
    replaceChildren(formSlot, params?.element ?? null);
  }

  async function load(): Promise<void> {
    status.textContent = "Loading the catalogue…";
    try {
      queries = (await deps.api.queries()).queries;
      replaceChildren(picker, ...queries.map((q) => el("option", { attrs: { value: q.name } }, q.title || q.name)));
      status.textContent = `${queries.length} saved queries.`;
      showQuery();
    } catch (error) {
      loaded = null;
      status.textContent = "";
      message.textContent = errorMessage(error);
    }
  }

  picker.addEventListener("change", showQuery);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const query = current();
    if (!query || !params) return;
    const values = params.read();
    if (!values.ok) {
      message.textContent = values.message;
      return;
    }
    message.textContent = "";
    status.textContent = `Running ${query.title || query.name}…`;
    run.disabled = true;
    try {
      const result = await deps.api.runQuery(query.name, values.values);
      status.textContent = `${result.stats.rows} rows in ${result.stats.ms} ms${result.stats.cached ? " (kept from an earlier run, data unchanged)" : ""}.`;
      deps.onResult(query, result);
    } catch (error) {
      status.textContent = "";
      message.textContent = errorMessage(error);
    } finally {
      run.disabled = false;
    }
  });

  return {
    activate() {
      if (!loaded) loaded = load();
      return loaded;
    },
  };
}
