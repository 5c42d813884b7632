/** `GET /api/audit?caseId=&actor=&limit=`: every recorded write, newest first (actor, time, action, ring, before → after). */
import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../app-context.ts";
import { parseInput } from "../parse-input.ts";
import { listAudit } from "../../investigation/investigation-records.ts";
import type { AuditList } from "../../../wire/wire-types.ts";

const AuditQuery = z
  .object({
    caseId: z.string().min(1).max(200).optional(),
    actor: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(10_000).default(500),
  })
  .strict();

export function auditRouter(ctx: AppContext): Router {
  const router = Router();
  router.get("/", async (req, res) => {
    const filter = parseInput(AuditQuery, req.query, "GET /api/audit");
    const body: AuditList = { entries: await listAudit(ctx.store, filter) };
    res.json(body);
  });
  return router;
}
