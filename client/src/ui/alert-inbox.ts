/**
 * The alert inbox (left panel tab): the open alerts analyses raised, newest first, each with
 * what happened, a link to its ring and its account, and an Acknowledge button (with the
 * analyst's token). Says how many it shows (`data-count`) once loaded.
 */
import type { AlertRecord } from "../../../wire/wire-types.ts";
import type { Api } from "../api/api-client.ts";
import { analystToken, tokenField } from "./analyst-token.ts";
import { el, replaceChildren } from "./dom.ts";

export interface AlertInboxDeps {
  api: Api;
  onOpenRing(id: string): void;
  onOpenAccount(id: string): void;
  onError(error: unknown): void;
}

export interface AlertInbox {
  reload(): Promise<void>;
}

const KIND_LABELS: Record<string, string> = {
  "linked-to-confirmed": "Known fraudster back",
  "ring-grew": "Ring grew",
  "dismissed-changed": "Dismissed ring changed",
  watch: "Watch",
};

export function createAlertInbox(root: HTMLElement, deps: AlertInboxDeps): AlertInbox {
  const list = el("ol", { className: "alert-list", attrs: { "aria-label": "Open alerts" } });
  const summary = el("p", { className: "list-summary", attrs: { "aria-live": "polite" } });
  root.append(tokenField(), summary, list);

  const item = (alert: AlertRecord) =>
    el(
      "li",
      { className: `alert-item alert-${alert.kind}`, attrs: { "data-alert": alert.id } },
      el("span", { className: "badge kind-badge" }, KIND_LABELS[alert.kind] ?? alert.kind),
      " ",
      el("time", { className: "muted", attrs: { datetime: alert.raisedAt } }, alert.raisedAt.slice(0, 16).replace("T", " ")),
      el("p", null, alert.message),
      el(
        "span",
        { className: "alert-actions" },
        alert.ringId
          ? el(
              "button",
              { className: "link open-ring", attrs: { type: "button" }, on: { click: () => deps.onOpenRing(alert.ringId!) } },
              "Open ring",
            )
          : null,
        alert.accountId
          ? el(
              "button",
              { className: "link open-account", attrs: { type: "button" }, on: { click: () => deps.onOpenAccount(alert.accountId!) } },
              `Open account ${alert.accountId}`,
            )
          : null,
        el(
          "button",
          {
            className: "acknowledge",
            attrs: { type: "button" },
            on: {
              click: () => {
                deps.api
                  .setAlert(alert.id, "acknowledged", analystToken.get())
                  .then(() => reload())
                  .catch(deps.onError);
              },
            },
          },
          "Acknowledge",
        ),
      ),
    );

  async function reload(): Promise<void> {
    root.removeAttribute("data-count");
    try {
      const { alerts } = await deps.api.alerts("open");
      replaceChildren(list, ...alerts.map(item));
      summary.textContent = alerts.length === 0 ? "No open alerts." : `${alerts.length} open alert${alerts.length === 1 ? "" : "s"}`;
      root.setAttribute("data-count", String(alerts.length));
    } catch (error) {
      deps.onError(error);
    }
  }
  return { reload };
}
