/**
 * `GET /api/shared-identifiers?account=&kinds=&limit=` and `GET /api/accounts/:id/shared`:
 * accounts sharing identifiers, with sharedCount and the Jaccard index of their identifier sets.
 */
import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../app-context.ts";
import { parseInput } from "../parse-input.ts";
import { sharedIdentifiers } from "../../read-model/shared-identifiers.ts";

const SharedQuery = z
  .object({
    account: z.string().min(1).max(1000).optional(),
    kinds: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100_000).default(1000),
  })
  .strict();

const kindList = (text: string | undefined) =>
  (text ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);

export function sharedRouter(ctx: AppContext): Router {
  const router = Router();
  const timeoutMs = ctx.config.queryTimeoutMs;
  router.get("/shared-identifiers", async (req, res) => {
    const { account, kinds, limit } = parseInput(SharedQuery, req.query, "GET /api/shared-identifiers");
    res.json({
      pairs: await sharedIdentifiers(ctx.store, ctx.catalogue, { account: account ?? null, kinds: kindList(kinds), limit }, timeoutMs),
    });
  });
  router.get("/accounts/:id/shared", async (req, res) => {
    const { kinds, limit } = parseInput(SharedQuery.omit({ account: true }), req.query, "GET /api/accounts/:id/shared");
    const pairs = await sharedIdentifiers(ctx.store, ctx.catalogue, { account: req.params.id, kinds: kindList(kinds), limit }, timeoutMs);
    res.json({
      account: req.params.id,
      shared: pairs.map(({ other, sharedCount, jaccard }) => ({ account: other, sharedCount, jaccard })),
    });
  });
  return router;
}
