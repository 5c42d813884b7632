/**
 * Cases: `PUT /api/rings/:id/case` (analyst role) opens or changes the case on a ring (status,
 * assignee, note; audited), `GET /api/cases?status=&assignee=` lists them. A case follows its
 * ring across analyses (server/investigation/investigate-analysis.ts).
 */
import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../app-context.ts";
import { parseInput } from "../parse-input.ts";
import { actorOf, requireRole } from "../require-token.ts";
import { apiTokens } from "../../api-tokens.ts";
import { CASE_STATUSES } from "../../domain/investigation/case-types.ts";
import { RinglensError } from "../../errors.ts";
import { cypher } from "../../cypher/cypher-files.ts";
import { listCases } from "../../investigation/investigation-records.ts";
import { updateCase } from "../../investigation/update-case.ts";
import type { CaseList, CaseView } from "../../../wire/wire-types.ts";

const CaseBody = z
  .object({
    status: z.enum(CASE_STATUSES),
    assignee: z.string().trim().min(1).max(200).nullable().optional(),
    note: z.string().trim().min(1).max(10_000).optional(),
  })
  .strict();

const CasesQuery = z
  .object({
    status: z.enum(CASE_STATUSES).optional(),
    assignee: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(10_000).default(500),
  })
  .strict();

export function casesRouter(ctx: AppContext): Router {
  const router = Router();
  const analyst = requireRole(apiTokens(ctx.config), "analyst");

  router.put("/rings/:id/case", analyst, async (req, res) => {
    const change = parseInput(CaseBody, req.body ?? {}, "PUT /api/rings/:id/case");
    const ringId = req.params.id as string;
    const ring = await ctx.store.query(cypher("reads/ring"), { id: ringId }, { timeoutMs: ctx.config.queryTimeoutMs });
    if (ring.rows.length === 0)
      throw new RinglensError("not-found", `ring ${ringId} does not exist (rings change with each analysis; list them at /api/rings)`);
    const view: CaseView = await updateCase(ctx.store, ringId, change, actorOf(res));
    res.json(view);
  });

  router.get("/cases", async (req, res) => {
    const filter = parseInput(CasesQuery, req.query, "GET /api/cases");
    const body: CaseList = { cases: await listCases(ctx.store, filter) };
    res.json(body);
  });
  return router;
}
