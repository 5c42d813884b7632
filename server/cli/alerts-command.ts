/**
 * `ringlens alerts`: the alerts analyses raised, newest first (open ones by default), as a
 * table or JSON. Read-only, so it runs beside `ringlens serve`; acknowledging is a write with
 * a name behind it, through `PUT /api/alerts/:id`.
 */
import type { Config } from "../config.ts";
import { ALERT_STATUSES, type AlertStatus } from "../domain/investigation/case-types.ts";
import { RinglensError } from "../errors.ts";
import { listAlerts } from "../investigation/investigation-records.ts";
import { createStore } from "../store/create-store.ts";
import { formatTable } from "./format-table.ts";

export interface AlertsFlags {
  status?: string;
  json?: boolean;
}

export async function runAlerts(flags: AlertsFlags, config: Config, out: NodeJS.WritableStream): Promise<number> {
  const wanted = flags.status ?? "open";
  if (wanted !== "all" && !ALERT_STATUSES.includes(wanted as AlertStatus))
    throw new RinglensError("invalid-input", `alerts: --status ${wanted}: use ${[...ALERT_STATUSES, "all"].join(", ")}`, {
      flag: "--status",
    });
  const store = await createStore(config, { command: "alerts", readOnly: true });
  try {
    const alerts = await listAlerts(store, wanted === "all" ? {} : { status: wanted as AlertStatus });
    if (flags.json) {
      out.write(`${JSON.stringify({ alerts })}\n`);
      return 0;
    }
    if (alerts.length === 0) {
      out.write(`no ${wanted === "all" ? "" : `${wanted} `}alerts\n`);
      return 0;
    }
    const rows = alerts.map((a) => [a.id, a.raisedAt.slice(0, 19).replace("T", " "), a.kind, a.status, a.ringId ?? "-", a.message]);
    out.write(`${formatTable(["alert", "raised", "kind", "status", "ring", "what"], rows)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
