/** `/api/search`: find accounts, devices, employees, addresses and rings by text. */
import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../app-context.ts";
import { parseInput } from "../parse-input.ts";
import type { ReadCache } from "../../read-model/read-cache.ts";
import { search } from "../../read-model/search.ts";

const SearchQuery = z
  .object({
    q: z.string().min(1, "must not be empty").max(200),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export function searchRouter(ctx: AppContext, cache: ReadCache): Router {
  const router = Router();
  router.get("/", async (req, res) => {
    const { q, limit } = parseInput(SearchQuery, req.query, "GET /api/search");
    // Hits change only with an import or an analysis (their rings), so they are kept per data
    // version; on the embedded store a search is a scan of every searched table.
    const json = await cache.json(`search ${JSON.stringify([q, limit])}`, async () => ({
      hits: await search(ctx.store, q, limit, ctx.config.queryTimeoutMs),
    }));
    res.type("json").send(json);
  });
  return router;
}
