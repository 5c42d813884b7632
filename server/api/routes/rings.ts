/** `/api/rings`: a filtered page of rings, one ring's detail, and its subgraph for the viewer. */
import { Router, type Response } from "express";
import { z } from "zod";
import type { AppContext } from "../app-context.ts";
import { parseInput } from "../parse-input.ts";
import { getRing, listRings, RING_SORTS } from "../../read-model/ring-reads.ts";
import { ringGraph } from "../../read-model/graph-reads.ts";
import { withPositions } from "../../read-model/layout-positions.ts";
import type { ReadCache } from "../../read-model/read-cache.ts";
import { caseView } from "../../investigation/update-case.ts";
import { listCases } from "../../investigation/investigation-records.ts";
import { CASE_STATUSES } from "../../domain/investigation/case-types.ts";

const ListQuery = z
  .object({
    level: z.enum(["high", "medium", "low"]).optional(),
    minScore: z.coerce.number().min(0).max(100).optional(),
    minSize: z.coerce.number().int().min(0).optional(),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, "must be a two-letter country code")
      .optional(),
    caseStatus: z.enum(CASE_STATUSES).optional(),
    sort: z.enum(Object.keys(RING_SORTS) as [keyof typeof RING_SORTS]).default("score"),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

const GraphQuery = z.object({ limit: z.coerce.number().int().min(1).max(20_000).default(5_000) }).strict();

/** How a cached ring detail ends (getRing puts the empty case last). */
const EMPTY_CASE = '"case":null}';

export function ringsRouter(ctx: AppContext, cache: ReadCache): Router {
  const router = Router();
  const timeoutMs = ctx.config.queryTimeoutMs;
  const send = (res: Response, json: string) => res.type("json").send(json);

  router.get("/", async (req, res) => {
    const { caseStatus, ...query } = parseInput(ListQuery, req.query, "GET /api/rings");
    // Cases change between analyses: their rings are read now, and the cached page is keyed by them.
    const ringIds = caseStatus ? (await listCases(ctx.store, { status: caseStatus })).map((c) => c.ringId).sort() : undefined;
    const filter = { ...query, ringIds };
    send(res, await cache.json(`rings ${JSON.stringify(filter)}`, () => listRings(ctx.store, filter, timeoutMs)));
  });

  router.get("/:id", async (req, res) => {
    const id = req.params.id;
    const ring = await cache.json(`ring ${id}`, () => getRing(ctx.store, id, timeoutMs));
    // The case changes without a new analysis, so it is read on every request, outside the cache.
    const found = await caseView(ctx.store, id);
    send(res, found ? `${ring.slice(0, -EMPTY_CASE.length)}"case":${JSON.stringify(found)}}` : ring);
  });

  router.get("/:id/graph", async (req, res) => {
    const { limit } = parseInput(GraphQuery, req.query, "GET /api/rings/:id/graph");
    const id = req.params.id;
    // Positions are the costly part; kept with the graph until the data changes.
    send(res, await cache.json(`graph ${id} ${limit}`, async () => withPositions(await ringGraph(ctx.store, id, limit, timeoutMs))));
  });

  return router;
}
