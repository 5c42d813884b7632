/**
 * The ring list's filter and sort form: level, minimum score, minimum size, country, case status, sort.
 * Calls back on every change (text fields after a short pause) and reads itself into the
 * query the API expects.
 */
import type { RingQuery } from "../api/api-client.ts";
import { el } from "./dom.ts";

function field(label: string, control: HTMLElement): HTMLLabelElement {
  return el("label", { className: "field" }, el("span", null, label), control);
}

function select(name: string, options: [string, string][]): HTMLSelectElement {
  return el("select", { attrs: { name } }, ...options.map(([value, text]) => el("option", { attrs: { value } }, text)));
}

export function ringFilterForm(onChange: () => void): HTMLFormElement {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, 300);
  };
  const form = el(
    "form",
    {
      className: "filters",
      attrs: { "aria-label": "Filter rings" },
      on: {
        submit: (e) => {
          e.preventDefault();
          onChange();
        },
      },
    },
    field(
      "Level",
      select("level", [
        ["", "Any"],
        ["high", "High"],
        ["medium", "Medium"],
        ["low", "Low"],
      ]),
    ),
    field("Min score", el("input", { attrs: { name: "minScore", type: "number", min: 0, max: 100, step: 1, inputmode: "numeric" } })),
    field("Min size", el("input", { attrs: { name: "minSize", type: "number", min: 2, step: 1, inputmode: "numeric" } })),
    field("Country", el("input", { attrs: { name: "country", type: "text", maxlength: 2, placeholder: "e.g. DE", autocomplete: "off" } })),
    field(
      "Case",
      select("caseStatus", [
        ["", "Any"],
        ["new", "New"],
        ["investigating", "Investigating"],
        ["confirmed", "Confirmed"],
        ["dismissed", "Dismissed"],
      ]),
    ),
    field(
      "Sort by",
      select("sort", [
        ["score", "Score"],
        ["size", "Size"],
        ["value", "Refunded value"],
      ]),
    ),
  );
  const isSelect = (event: Event) => (event.target as HTMLElement).tagName === "SELECT";
  form.addEventListener("change", (event) => {
    if (isSelect(event)) onChange();
  });
  form.addEventListener("input", (event) => {
    if (!isSelect(event)) later();
  });
  return form;
}

function numberOf(value: FormDataEntryValue | null): number | undefined {
  const number = Number(value);
  return value === null || value === "" || !Number.isFinite(number) ? undefined : number;
}

export function readRingFilters(form: HTMLFormElement): RingQuery {
  const data = new FormData(form);
  const sort = String(data.get("sort") ?? "score");
  return {
    level: String(data.get("level") ?? "") || undefined,
    minScore: numberOf(data.get("minScore")),
    minSize: numberOf(data.get("minSize")),
    country:
      String(data.get("country") ?? "")
        .trim()
        .toUpperCase() || undefined,
    caseStatus: String(data.get("caseStatus") ?? "") || undefined,
    sort: sort === "size" || sort === "value" ? sort : "score",
  };
}
