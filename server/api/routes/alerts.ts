/**
 * Alerts raised by analyses: `GET /api/alerts?status=open|acknowledged`, newest first;
 * `PUT /api/alerts/:id` with `{"status": "acknowledged"}` (analyst role; audited).
 */
import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../app-context.ts";
import { parseInput } from "../parse-input.ts";
import { actorOf, requireRole } from "../require-token.ts";
import { apiTokens } from "../../api-tokens.ts";
import { ALERT_STATUSES } from "../../domain/investigation/case-types.ts";
import { RinglensError } from "../../errors.ts";
import { addAudit, getAlert, listAlerts, setAlertStatus } from "../../investigation/investigation-records.ts";
import type { AlertList, AlertRecord } from "../../../wire/wire-types.ts";

const AlertsQuery = z
  .object({ status: z.enum(ALERT_STATUSES).optional(), limit: z.coerce.number().int().min(1).max(10_000).default(500) })
  .strict();
const AlertBody = z.object({ status: z.enum(ALERT_STATUSES), note: z.string().trim().min(1).max(10_000).optional() }).strict();

export function alertsRouter(ctx: AppContext): Router {
  const router = Router();
  const analyst = requireRole(apiTokens(ctx.config), "analyst");

  router.get("/", async (req, res) => {
    const filter = parseInput(AlertsQuery, req.query, "GET /api/alerts");
    const body: AlertList = { alerts: await listAlerts(ctx.store, filter) };
    res.json(body);
  });

  router.put("/:id", analyst, async (req, res) => {
    const { status, note } = parseInput(AlertBody, req.body ?? {}, "PUT /api/alerts/:id");
    const id = req.params.id as string;
    const before = await getAlert(ctx.store, id);
    if (!before) throw new RinglensError("not-found", `alert ${id} does not exist; list them at GET /api/alerts`);
    const at = new Date().toISOString();
    const actor = actorOf(res);
    await setAlertStatus(ctx.store, id, status, status === "acknowledged" ? actor : null, status === "acknowledged" ? at : null);
    await addAudit(ctx.store, {
      at,
      actor,
      action: status === "acknowledged" ? "alert.acknowledge" : "alert.reopen",
      caseId: before.caseId,
      ringId: before.ringId,
      before: { alert: id, status: before.status },
      after: { alert: id, status },
      note: note ?? null,
    });
    const after: AlertRecord = (await getAlert(ctx.store, id))!;
    res.json(after);
  });
  return router;
}
