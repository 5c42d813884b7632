/**
 * Write endpoints (token-protected, rate-limited): `POST /api/import` and `POST /api/analyze`
 * (optionally with detection settings: hub threshold, maximum ring size, minimum score, link
 * policy per identifier kind) start a job and answer 202 with its id; `GET /api/jobs/:id` reports progress and result.
 * Each start is recorded in the audit trail with the token's name. Import folders must lie inside the configured import root, so no path escapes it.
 */
import path from "node:path";
import fs from "node:fs";
import { Router } from "express";
import { rateLimit } from "express-rate-limit";
import { z } from "zod";
import type { AppContext } from "../app-context.ts";
import { parseInput } from "../parse-input.ts";
import { actorOf, requireRole } from "../require-token.ts";
import { apiTokens } from "../../api-tokens.ts";
import { errorBody, invalid } from "../http-errors.ts";
import { addAudit } from "../../investigation/investigation-records.ts";
import { DetectOptionsSchema, resolveDetectOptions } from "../../domain/rings/detect-options.ts";

const ImportBody = z.object({ folder: z.string().min(1).max(4096) }).strict();

/** The detection settings an analyst may change per run, with the domain's bounds; the rest keep their defaults. */
const AnalyzeBody = DetectOptionsSchema.pick({ hubThreshold: true, maxRingSize: true, minScore: true, linkPolicy: true })
  .partial()
  .extend({
    inStore: z
      .boolean({ error: "Expecting true or false." })
      .optional()
      .describe("detect in the store with its graph algorithms (Neo4j with GDS)"),
  })
  .strict();

export function jobsRouter(ctx: AppContext): Router {
  const router = Router();
  const guard = requireRole(apiTokens(ctx.config), "admin");
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: 20,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json(errorBody("rate-limited", "too many write requests; wait a minute"));
    },
  });

  const audit = (actor: string, action: string, after: unknown) =>
    addAudit(ctx.store, { at: new Date().toISOString(), actor, action, caseId: null, ringId: null, before: null, after, note: null });

  router.post("/import", limiter, guard, async (req, res) => {
    const { folder } = parseInput(ImportBody, req.body ?? {}, "POST /api/import");
    const resolved = insideRoot(ctx.config.importRoot, folder);
    const job = ctx.jobs.start("import", ctx.tasks.importFolder(resolved));
    await audit(actorOf(res), "import", { folder, job: job.id });
    res.status(202).location(`/api/jobs/${job.id}`).json(job);
  });

  router.post("/analyze", limiter, guard, async (req, res) => {
    const { inStore = false, ...settings } = parseInput(AnalyzeBody, req.body ?? {}, "POST /api/analyze");
    // The link policy's kinds and keys, checked before the job starts, so a bad one is a 400 naming it, not a failed job.
    resolveDetectOptions(settings, "POST /api/analyze");
    // So is a store without graph algorithms: the 400 says what to install.
    if (inStore) await ctx.store.inStoreGraph();
    const job = ctx.jobs.start("analyze", ctx.tasks.analyze(settings, { inStore }));
    await audit(actorOf(res), "analyze", { settings, inStore, job: job.id });
    res.status(202).location(`/api/jobs/${job.id}`).json(job);
  });

  router.get("/jobs/:id", (req, res) => {
    res.json(ctx.jobs.get(req.params.id));
  });
  return router;
}

function insideRoot(root: string, folder: string): string {
  const base = fs.realpathSync(path.resolve(root));
  const wanted = path.resolve(base, folder);
  let real: string;
  try {
    real = fs.realpathSync(wanted);
  } catch {
    throw invalid(`POST /api/import: folder ${folder} does not exist under the import root`, { param: "folder" });
  }
  if (real !== base && !real.startsWith(base + path.sep)) {
    throw invalid(`POST /api/import: folder must be inside the import root (RINGLENS_IMPORT_ROOT)`, { param: "folder" });
  }
  return real;
}
