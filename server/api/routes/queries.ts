/** `/api/queries`: the saved-query catalogue and running one with parameters, read-only. */
import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../app-context.ts";
import { parseInput } from "../parse-input.ts";
import { RinglensError } from "../../errors.ts";
import { bindParams } from "../../queries/catalogue.ts";
import type { QueryDefinition } from "../../queries/query-definition.ts";
import { toWireGraph } from "../../queries/to-wire-graph.ts";
import type { QueryInfo, QueryRunResult } from "../../../wire/wire-types.ts";
import type { ReadCache } from "../../read-model/read-cache.ts";

const RunBody = z.object({ params: z.record(z.string(), z.unknown()).default({}) }).strict();

export function toInfo(q: QueryDefinition): QueryInfo {
  return {
    name: q.name,
    title: q.title,
    description: q.description,
    returns: q.returns,
    params: q.params.map((p) => ({
      name: p.name,
      type: p.type,
      default: p.default instanceof Date ? p.default.toISOString() : (p.default ?? null),
      required: p.required,
      help: p.help,
      ...(p.min !== undefined ? { min: p.min } : {}),
      ...(p.max !== undefined ? { max: p.max } : {}),
    })),
  };
}

/** Larger answers are not kept: the cache is for the repeated dashboards and panels, not exports. */
const MAX_CACHED_ROWS = 10_000;

export function queriesRouter(ctx: AppContext, cache: ReadCache): Router {
  const router = Router();
  const find = (name: string) => {
    const q = ctx.catalogue.get(name);
    if (!q) throw new RinglensError("not-found", `no saved query named ${name}; list them at GET /api/queries`);
    return q;
  };
  router.get("/", (_req, res) => {
    res.json({ queries: [...ctx.catalogue.values()].map(toInfo) });
  });
  router.get("/:name", (req, res) => {
    res.json(toInfo(find(req.params.name)));
  });
  router.post("/:name/run", async (req, res) => {
    const query = find(req.params.name);
    const { params } = parseInput(RunBody, req.body ?? {}, `POST /api/queries/${query.name}/run`);
    const bound = bindParams(query, params);
    try {
      const { value, cached } = await cache.value(
        `query ${query.name} ${JSON.stringify(bound)}`,
        async () => {
          const started = performance.now();
          const { columns, rows } = await ctx.store.query(query.text, bound, { timeoutMs: ctx.config.queryTimeoutMs });
          return { columns, rows, graph: toWireGraph(rows), stats: { ms: Math.round(performance.now() - started), rows: rows.length } };
        },
        (result) => (result.rows.length <= MAX_CACHED_ROWS ? JSON.stringify(result).length : Infinity),
      );
      const result: QueryRunResult = { ...value, stats: { ...value.stats, cached } };
      res.json(result);
    } catch (error) {
      if (error instanceof RinglensError && error.kind === "timeout") {
        throw new RinglensError(
          "timeout",
          `query ${query.name} took longer than ${ctx.config.queryTimeoutMs} ms and was stopped; narrow its parameters`,
        );
      }
      throw error;
    }
  });
  return router;
}
