/** `/api/rings`: a filtered page of rings, one ring's detail, and its subgraph for the viewer. */
import { Router, type Response } from "express";
import { z } from "zod";
import type { AppContext } from "../app-context.ts";
import { parseInput } from "../parse-input.ts";
import { getRing, listRings, RING_SORTS } from "../../read-model/ring-reads.ts";
import { ringGraph } from "../../read-model/graph-reads.ts";
import { withPositions } from "../../read-model/layout-positions.ts";
import type { ReadCache } from "../../read-model/read-cache.ts";

const ListQuery = z
  .object({
    level: z.enum(["high", "medium", "low"]).optional(),
    minScore: z.coerce.number().min(0).max(100).optional(),
    minSize: z.coerce.number().int().min(0).optional(),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, "must be a two-letter country code")
      .optional(),
    sort: z.enum(Object.keys(RING_SORTS) as [keyof typeof RING_SORTS]).default("score"),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

const GraphQuery = z.object({ limit: z.coerce.number().int().min(1).max(20_000).default(5_000) }).strict();

export function ringsRouter(ctx: AppContext, cache: ReadCache): Router {
  const router = Router();
  const timeoutMs = ctx.config.queryTimeoutMs;
  const send = (res: Response, json: string) => res.type("json").send(json);

  router.get("/", async (req, res) => {
    const filter = parseInput(ListQuery, req.query, "GET /api/rings");
    send(res, await cache.json(`rings ${JSON.stringify(filter)}`, () => listRings(ctx.store, filter, timeoutMs)));
  });

  router.get("/:id", async (req, res) => {
    const id = req.params.id;
    send(res, await cache.json(`ring ${id}`, () => getRing(ctx.store, id, timeoutMs)));
  });

  router.get("/:id/graph", async (req, res) => {
    const { limit } = parseInput(GraphQuery, req.query, "GET /api/rings/:id/graph");
    const id = req.params.id;
    // Positions are the costly part; kept with the graph until the data changes.
    send(res, await cache.json(`graph ${id} ${limit}`, async () => withPositions(await ringGraph(ctx.store, id, limit, timeoutMs))));
  });

  return router;
}
