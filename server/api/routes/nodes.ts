/** `/api/nodes/:type/:id` and its neighbourhood, for exploring outward from any entity. */
import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../app-context.ts";
import { parseInput } from "../parse-input.ts";
import { getNode, neighbours } from "../../read-model/graph-reads.ts";
import { withPositions } from "../../read-model/layout-positions.ts";

const NeighbourQuery = z
  .object({
    depth: z.coerce.number().int().min(1).max(2).default(1),
    limit: z.coerce.number().int().min(1).max(20_000).default(500),
  })
  .strict();

export function nodesRouter(ctx: AppContext): Router {
  const router = Router();
  const timeoutMs = ctx.config.queryTimeoutMs;
  router.get("/:type/:id", async (req, res) => {
    res.json({ node: await getNode(ctx.store, req.params.type, req.params.id, timeoutMs) });
  });
  router.get("/:type/:id/neighbors", async (req, res) => {
    const { depth, limit } = parseInput(NeighbourQuery, req.query, "GET /api/nodes/:type/:id/neighbors");
    res.json(withPositions(await neighbours(ctx.store, req.params.type, req.params.id, depth as 1 | 2, limit, timeoutMs)));
  });
  return router;
}
