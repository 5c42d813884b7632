/**
 * A form generated from a saved query's declared parameters: one labelled control per
 * parameter by type (string, int, float, boolean, date, string[]), its default filled in and
 * its help linked with aria-describedby; `read()` turns the controls back into typed values.
 */
import type { QueryParamInfo } from "../../../wire/wire-types.ts";
import { el } from "./dom.ts";

export type ReadResult = { ok: true; values: Record<string, unknown> } | { ok: false; message: string };

export interface ParamForm {
  element: HTMLElement;
  read(): ReadResult;
}

function defaultText(param: QueryParamInfo, prefill: unknown): string {
  const value = prefill ?? param.default;
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

function control(param: QueryParamInfo, id: string, helpId: string, prefill: unknown): HTMLInputElement {
  const attrs: Record<string, string | boolean | undefined> = {
    id,
    name: param.name,
    "aria-describedby": param.help ? helpId : undefined,
    required: param.required,
  };
  switch (param.type) {
    case "boolean": {
      const box = el("input", { attrs: { ...attrs, type: "checkbox", required: false } });
      box.checked = (prefill ?? param.default) === true;
      return box;
    }
    case "int":
      return Object.assign(el("input", { attrs: { ...attrs, type: "number", step: "1", inputmode: "numeric" } }), {
        value: defaultText(param, prefill),
      });
    case "float":
      return Object.assign(el("input", { attrs: { ...attrs, type: "number", step: "any", inputmode: "decimal" } }), {
        value: defaultText(param, prefill),
      });
    case "date":
      return Object.assign(el("input", { attrs: { ...attrs, type: "date" } }), { value: defaultText(param, prefill).slice(0, 10) });
    case "string[]":
      return Object.assign(el("input", { attrs: { ...attrs, type: "text", placeholder: "comma-separated" } }), {
        value: defaultText(param, prefill),
      });
    default:
      return Object.assign(el("input", { attrs: { ...attrs, type: "text", autocomplete: "off" } }), { value: defaultText(param, prefill) });
  }
}

function parse(param: QueryParamInfo, input: HTMLInputElement): { value?: unknown; error?: string } {
  if (param.type === "boolean") return { value: input.checked };
  const text = input.value.trim();
  if (text === "") return param.required ? { error: `${param.name} is required` } : {};
  switch (param.type) {
    case "int":
      return Number.isInteger(Number(text)) ? { value: Number(text) } : { error: `${param.name}: "${text}" is not a whole number` };
    case "float":
      return Number.isFinite(Number(text)) ? { value: Number(text) } : { error: `${param.name}: "${text}" is not a number` };
    case "string[]":
      return {
        value: text
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      };
    default:
      return { value: text };
  }
}

/** @example const form = buildParamForm("q", query.params, { ringId: "R1" }); form.read() */
export function buildParamForm(prefix: string, params: QueryParamInfo[], prefill: Record<string, unknown> = {}): ParamForm {
  const inputs = params.map((param, i) => {
    const id = `${prefix}-p${i}`;
    return { param, input: control(param, id, `${id}-help`, prefill[param.name]), id };
  });
  const element = el(
    "div",
    { className: "param-form" },
    ...inputs.map(({ param, input, id }) =>
      el(
        "div",
        { className: `field param-${param.type === "boolean" ? "check" : "text"}` },
        el(
          "label",
          { attrs: { for: id } },
          param.name,
          param.required ? el("span", { className: "required", attrs: { "aria-hidden": "true" } }, " *") : null,
          el("span", { className: "muted" }, ` (${param.type})`),
        ),
        input,
        param.help ? el("small", { attrs: { id: `${id}-help` } }, param.help) : null,
      ),
    ),
    params.length === 0 ? el("p", { className: "muted" }, "This query takes no parameters.") : null,
  );
  return {
    element,
    read() {
      const values: Record<string, unknown> = {};
      for (const { param, input } of inputs) {
        const { value, error } = parse(param, input);
        if (error) {
          input.focus();
          return { ok: false, message: error };
        }
        if (value !== undefined) values[param.name] = value;
      }
      return { ok: true, values };
    },
  };
}
