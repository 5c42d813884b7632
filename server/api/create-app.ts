/**
 * Builds the Express app: security headers, request logs, JSON limits, the API routers, the
 * built viewer at `/`, and one error handler. Never calls listen(): the caller (serve, or a
 * test on port 0) does.
 *
 * createApp({ store, config, catalogue, jobs, tasks, version, logger, clientDir?, cacheCheckEveryMs? }): express.Express
 */
import fs from "node:fs";
import path from "node:path";
import express from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import type { Logger } from "pino";
import type { AppContext } from "./app-context.ts";
import { createErrorHandler, errorBody, notFoundApi } from "./http-errors.ts";
import { docsPage, openApiDocument } from "./openapi.ts";
import { ringsRouter } from "./routes/rings.ts";
import { ReadCache } from "../read-model/read-cache.ts";
import type { JobTask } from "../tasks/job-runner.ts";
import { nodesRouter } from "./routes/nodes.ts";
import { queriesRouter } from "./routes/queries.ts";
import { statusRouter } from "./routes/status.ts";
import { searchRouter } from "./routes/search.ts";
import { jobsRouter } from "./routes/jobs.ts";
import { sharedRouter } from "./routes/shared.ts";
import { casesRouter } from "./routes/cases.ts";
import { alertsRouter } from "./routes/alerts.ts";
import { auditRouter } from "./routes/audit.ts";
import { watchesRouter } from "./routes/watches.ts";

export const DEFAULT_CLIENT_DIR = path.resolve(import.meta.dirname, "../../dist/client");

export interface AppOptions extends AppContext {
  logger: Logger;
  clientDir?: string;
  /** How often the read cache reads the data version again (default 500 ms): a write by another process shows within it. */
  cacheCheckEveryMs?: number;
}

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { "worker-src": ["'self'", "blob:"], "img-src": ["'self'", "data:", "blob:"] } },
    }),
  );
  app.use(
    pinoHttp({
      logger: options.logger,
      redact: ["req.headers.authorization", "req.headers.cookie"],
      autoLogging: { ignore: (req) => !req.url?.startsWith("/api") },
      // A person at a terminal sees request lines only at debug, each as one short line; JSON logs keep pino-http's own.
      ...(options.config.logFormat === "pretty"
        ? {
            customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "debug"),
            customSuccessMessage: (req, res, ms) => `${req.method} ${pathOf(req)} ${res.statusCode} ${Math.round(ms)} ms`,
            customErrorMessage: (req, res, error) => `${req.method} ${pathOf(req)} ${res.statusCode}: ${error.message}`,
          }
        : {}),
    }),
  );
  app.use("/api", (req, res, next) => {
    if (req.method === "POST" && req.headers["content-length"] !== "0" && req.headers["content-type"] && !req.is("application/json")) {
      res.status(415).json(errorBody("unsupported", "send the request body as application/json"));
      return;
    }
    next();
  });
  app.use("/api", express.json({ limit: "1mb", strict: true }));

  app.get("/api/openapi.json", (_req, res) => {
    res.json(openApiDocument(options.version));
  });
  app.get("/api/docs", (_req, res) => {
    res.type("html").send(docsPage(options.version));
  });
  // Ring and saved-query answers are kept until the data changes; a write job of this process says so at once.
  const readCache = new ReadCache(options.store, { checkEveryMs: options.cacheCheckEveryMs });
  const afterWrite =
    (task: JobTask): JobTask =>
    async (progress) => {
      try {
        return await task(progress);
      } finally {
        readCache.invalidate();
      }
    };
  const ctx: AppContext = {
    ...options,
    tasks: {
      importFolder: (folder) => afterWrite(options.tasks.importFolder(folder)),
      analyze: (settings, run) => afterWrite(options.tasks.analyze(settings, run)),
    },
  };
  app.use("/api", statusRouter(ctx));
  app.use("/api/rings", ringsRouter(ctx, readCache));
  app.use("/api/nodes", nodesRouter(ctx));
  app.use("/api/queries", queriesRouter(ctx, readCache));
  app.use("/api/search", searchRouter(ctx, readCache));
  app.use("/api", sharedRouter(ctx));
  app.use("/api", jobsRouter(ctx));
  app.use("/api", casesRouter(ctx));
  app.use("/api/alerts", alertsRouter(ctx));
  app.use("/api/audit", auditRouter(ctx));
  app.use("/api/watches", watchesRouter(ctx));
  app.use("/api", notFoundApi);

  const clientDir = options.clientDir ?? DEFAULT_CLIENT_DIR;
  app.use(express.static(clientDir, { index: "index.html", fallthrough: true }));
  app.get("/", (_req, res) => {
    if (fs.existsSync(path.join(clientDir, "index.html"))) res.sendFile(path.join(clientDir, "index.html"));
    else res.status(503).type("text").send("The viewer is not built: run `npm run build:client` (npm start does it for you).");
  });

  app.use(
    createErrorHandler((error, status) => {
      if (status >= 500) options.logger.error({ err: error }, "request failed");
    }),
  );
  return app;
}

/** The path as the client sent it: by the time a request is logged, a router mounted at /api has cut `req.url`. */
const pathOf = (req: { url?: string; originalUrl?: string }) => req.originalUrl ?? req.url;
