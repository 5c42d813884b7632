/** `/api/rings`: a filtered page of rings, one ring's detail, and its subgraph for the viewer. */
import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../app-context.ts";
import { parseInput } from "../parse-input.ts";
import { getRing, listRings, RING_SORTS } from "../../read-model/ring-reads.ts";
import { ringGraph } from "../../read-model/graph-reads.ts";
import { withPositions } from "../../read-model/layout-positions.ts";
import type { WireGraph } from "../wire-types.ts";

const ListQuery = z.object({
  level: z.enum(["high", "medium", "low"]).optional(),
  minScore: z.coerce.number().min(0).max(100).optional(),
  minSize: z.coerce.number().int().min(0).optional(),
  country: z.string().regex(/^[A-Za-z]{2}$/, "must be a two-letter country code").optional(),
  sort: z.enum(Object.keys(RING_SORTS) as [keyof typeof RING_SORTS]).default("score"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}).strict();

const GraphQuery = z.object({ limit: z.coerce.number().int().min(1).max(20_000).default(5_000) }).strict();

export function ringsRouter(ctx: AppContext): Router {
  const router = Router();
  const timeoutMs = ctx.config.queryTimeoutMs;
  // Positions are costly to compute and stable until the next analysis: cache per ring.
  const layoutCache = new Map<string, WireGraph>();

  router.get("/", async (req, res) => {
    const filter = parseInput(ListQuery, req.query, "GET /api/rings");
    res.json(await listRings(ctx.store, filter, timeoutMs));
  });

  router.get("/:id", async (req, res) => {
    res.json(await getRing(ctx.store, req.params.id, timeoutMs));
  });

  router.get("/:id/graph", async (req, res) => {
    const { limit } = parseInput(GraphQuery, req.query, "GET /api/rings/:id/graph");
    const analysedAt = (await ctx.store.getMeta("lastAnalysis")) ?? "";
    const key = `${req.params.id}\u0000${limit}\u0000${analysedAt}`;
    let graph = layoutCache.get(key);
    if (!graph) {
      graph = withPositions(await ringGraph(ctx.store, req.params.id, limit, timeoutMs));
      if (layoutCache.size > 500) layoutCache.clear();
      layoutCache.set(key, graph);
    }
    res.json(graph);
  });

  return router;
}
