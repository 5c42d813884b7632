/**
 * The analyst's API token for writes (cases, alerts): typed once, kept for this browser tab
 * only (sessionStorage), sent only in the Authorization header of a write.
 */
import { el } from "./dom.ts";

const KEY = "ringlens.token";

export const analystToken = {
  get: (): string => sessionStorage.getItem(KEY) ?? "",
  set: (token: string) => (token ? sessionStorage.setItem(KEY, token) : sessionStorage.removeItem(KEY)),
};

/** A password field bound to the stored token. */
export function tokenField(): HTMLLabelElement {
  const input = el("input", {
    attrs: { name: "token", type: "password", autocomplete: "off", placeholder: "your RINGLENS_TOKENS token", value: analystToken.get() },
    on: { change: (e) => analystToken.set((e.target as HTMLInputElement).value.trim()) },
  });
  return el("label", { className: "field token-field" }, el("span", null, "Token"), input);
}
