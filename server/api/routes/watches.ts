/**
 * Saved-query watches: `POST /api/watches` with `{"query": "<saved query>", "params": {…},
 * "name"?}` (analyst role; audited) runs the query once to remember what it returns; each
 * later analysis raises a `watch` alert when it returns rows it did not before.
 * `GET /api/watches` lists them.
 */
import { randomUUID } from "node:crypto";
import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../app-context.ts";
import { parseInput } from "../parse-input.ts";
import { actorOf, requireRole } from "../require-token.ts";
import { apiTokens } from "../../api-tokens.ts";
import type { WatchRecord } from "../../domain/investigation/case-types.ts";
import { addAudit, addWatch, listWatches } from "../../investigation/investigation-records.ts";
import { watchRows } from "../../investigation/run-watches.ts";
import type { WatchView } from "../../../wire/wire-types.ts";

const WatchBody = z
  .object({
    query: z.string().min(1).max(200),
    params: z.record(z.string(), z.unknown()).default({}),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

const toView = ({ seen, ...w }: WatchRecord): WatchView => ({ ...w, seenRows: seen.length });

export function watchesRouter(ctx: AppContext): Router {
  const router = Router();
  const analyst = requireRole(apiTokens(ctx.config), "analyst");

  router.get("/", async (_req, res) => {
    res.json({ watches: (await listWatches(ctx.store)).map(toView) });
  });

  router.post("/", analyst, async (req, res) => {
    const body = parseInput(WatchBody, req.body ?? {}, "POST /api/watches");
    // Runs now: a bad query or parameter is a 404/400 here, and today's rows are not news tomorrow.
    const rows = await watchRows(ctx.store, ctx.catalogue, body.query, body.params, ctx.config.queryTimeoutMs);
    const watch: WatchRecord = {
      id: `W-${randomUUID().slice(0, 8)}`,
      name: body.name ?? body.query,
      query: body.query,
      params: body.params,
      seen: [...new Set(rows.map((r) => r.digest))],
      addedBy: actorOf(res),
      addedAt: new Date().toISOString(),
    };
    await addWatch(ctx.store, watch);
    await addAudit(ctx.store, {
      at: watch.addedAt,
      actor: watch.addedBy,
      action: "watch.create",
      caseId: null,
      ringId: null,
      before: null,
      after: { watch: watch.id, query: watch.query, params: watch.params },
      note: null,
    });
    res.status(201).location(`/api/watches`).json(toView(watch));
  });
  return router;
}
