/** `/api/health` and `/api/stats`: is the store reachable, and what does it hold. */
import { Router } from "express";
import type { AppContext } from "../app-context.ts";
import { errorBody } from "../http-errors.ts";
import type { StatsResponse } from "../../../wire/wire-types.ts";
import { readMeta } from "../../store/meta.ts";

export function statusRouter(ctx: AppContext): Router {
  const router = Router();
  router.get("/health", async (_req, res) => {
    const ok = await ctx.store.ping();
    const body = { ok, store: { ...ctx.store.info, reachable: ok }, app: { name: "ringlens", version: ctx.version } };
    res
      .status(ok ? 200 : 503)
      .json(
        ok
          ? body
          : { ...body, ...errorBody("unavailable", `the ${ctx.store.info.engine} store at ${ctx.store.info.location} does not answer`) },
      );
  });
  router.get("/stats", async (_req, res) => {
    const [counts, lastImport, lastAnalysis] = await Promise.all([
      ctx.store.counts(),
      readMeta(ctx.store, "lastImport"),
      readMeta(ctx.store, "lastAnalysis"),
    ]);
    const body: StatsResponse = { counts, lastImport, lastAnalysis };
    res.json(body);
  });
  return router;
}
