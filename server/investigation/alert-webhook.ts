/**
 * Sends newly raised alerts to RINGLENS_ALERT_WEBHOOK as one JSON POST
 * (`{"alerts": [AlertRecord, …]}`). A failed delivery never fails the analysis: it is
 * reported back, and the alerts stay in the store for GET /api/alerts.
 */
import type { AlertRecord } from "../domain/investigation/case-types.ts";

export interface WebhookOutcome {
  delivered: boolean;
  status?: number;
  error?: string;
}

export async function postAlerts(url: string, alerts: readonly AlertRecord[]): Promise<WebhookOutcome> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "ringlens" },
      body: JSON.stringify({ alerts }),
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? { delivered: true, status: res.status } : { delivered: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (error) {
    return { delivered: false, error: (error as Error).message };
  }
}
