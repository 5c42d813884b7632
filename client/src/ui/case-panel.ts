/**
 * The case on the open ring: where it came from (lineage), its status, assignee, notes and
 * history, and a form to change them (with the analyst's token). Announces a save on the
 * form (`data-saved`) and in the status line; the server's answer is what it shows next.
 */
import type { CaseStatus, CaseView, RingDetail } from "../../../wire/wire-types.ts";
import { analystToken, tokenField } from "./analyst-token.ts";
import { el, replaceChildren } from "./dom.ts";

export interface CaseDeps {
  saveCase(ringId: string, change: { status: CaseStatus; assignee?: string | null; note?: string }, token: string): Promise<CaseView>;
  onCaseSaved(view: CaseView): void;
  /** Opens the printable case file of the ring. */
  onCaseFile(ringId: string): void;
  onError(error: unknown): void;
}

const STATUSES: CaseStatus[] = ["new", "investigating", "confirmed", "dismissed"];

/** One line on how the ring relates to the previous analysis's rings. */
export function lineageText(lineage: RingDetail["lineage"]): string {
  if (!lineage) return "No lineage recorded.";
  const was = lineage.previousId ? ` (was ${lineage.previousId})` : "";
  switch (lineage.state) {
    case "new":
      return "New in the last analysis.";
    case "same":
      return `Unchanged since the previous analysis${was}.`;
    case "grew":
      return `Grew by ${lineage.added.length - lineage.removed.length} since the previous analysis${was}: ${lineage.added.join(", ")} joined.`;
    case "shrank":
      return `Shrank by ${lineage.removed.length - lineage.added.length} since the previous analysis${was}.`;
    case "changed":
      return `Members changed since the previous analysis${was}: +${lineage.added.length} −${lineage.removed.length}.`;
    case "merged":
      return `Merged from ${[lineage.previousId, ...lineage.mergedFrom].filter(Boolean).join(", ")}.`;
    case "split":
      return `Split from ${lineage.splitFrom}.`;
  }
}

function historyItem(entry: CaseView["history"][number]): HTMLLIElement {
  const after = entry.after as { status?: string; ringId?: string } | null;
  const what = entry.action.startsWith("case.followed")
    ? `followed its ring to ${after?.ringId}`
    : entry.action === "case.gone"
      ? "ring no longer detected"
      : after?.status
        ? `${entry.action.replace(/^case\./, "")} → ${after.status}`
        : entry.action;
  return el(
    "li",
    { className: "history-entry" },
    el("time", { attrs: { datetime: entry.at } }, entry.at.slice(0, 16).replace("T", " ")),
    " ",
    el("strong", null, entry.actor),
    ` ${what}`,
    entry.note ? el("q", null, entry.note) : null,
  );
}

export function renderCasePanel(ring: RingDetail, deps: CaseDeps): HTMLElement {
  const root = el("section", { className: "case-panel", attrs: { "aria-label": "Case", "data-ring": ring.id } });
  const render = (view: CaseView | null) => {
    const status = el(
      "select",
      { attrs: { name: "status" } },
      ...STATUSES.map((s) => el("option", { attrs: { value: s, selected: (view?.status ?? "new") === s } }, s)),
    );
    const assignee = el("input", {
      attrs: { name: "assignee", type: "text", maxlength: 200, value: view?.assignee ?? "", autocomplete: "off" },
    });
    const note = el("textarea", { attrs: { name: "note", rows: 2, maxlength: 10_000, placeholder: "What you found, who you told" } });
    const form = el(
      "form",
      {
        className: "case-form",
        on: {
          submit: (event) => {
            event.preventDefault();
            const change = {
              status: status.value as CaseStatus,
              assignee: assignee.value.trim() || null,
              ...(note.value.trim() ? { note: note.value.trim() } : {}),
            };
            form.removeAttribute("data-saved");
            deps
              .saveCase(ring.id, change, analystToken.get())
              .then((saved) => {
                render(saved);
                root.querySelector("form")?.setAttribute("data-saved", saved.updatedAt);
                deps.onCaseSaved(saved);
              })
              .catch(deps.onError);
          },
        },
      },
      el("label", { className: "field" }, el("span", null, "Status"), status),
      el("label", { className: "field" }, el("span", null, "Assignee"), assignee),
      el("label", { className: "field wide" }, el("span", null, "Note"), note),
      tokenField(),
      el("button", { attrs: { type: "submit" } }, view ? "Save case" : "Open case"),
      el(
        "button",
        { className: "case-file-button", attrs: { type: "button" }, on: { click: () => deps.onCaseFile(ring.id) } },
        "Case file",
      ),
    );
    replaceChildren(
      root,
      el("h3", null, "Case", view ? el("span", { className: `badge case-${view.status}` }, view.status) : null),
      el("p", { className: "lineage muted" }, lineageText(ring.lineage)),
      view
        ? el(
            "p",
            { className: "muted" },
            `${view.id} · opened ${view.openedAt.slice(0, 10)}${view.assignee ? ` · assigned to ${view.assignee}` : ""}`,
          )
        : el("p", { className: "muted" }, "No case yet."),
      form,
      view && view.notes.length > 0
        ? el(
            "div",
            null,
            el("h4", null, "Notes"),
            el(
              "ul",
              { className: "case-notes" },
              ...view.notes.map((n) => el("li", null, el("strong", null, n.actor), ` (${n.at.slice(0, 10)}): `, n.text)),
            ),
          )
        : null,
      view && view.history.length > 0
        ? el("div", null, el("h4", null, "History"), el("ol", { className: "case-history" }, ...view.history.map(historyItem)))
        : null,
    );
  };
  render(ring.case);
  return root;
}
