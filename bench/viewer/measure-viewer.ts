/**
 * The viewer section: headless Chromium against the real server, time from opening
 * `/?ring=ID` to the first drawn frame and to the layout's first stop, read from the viewer's
 * own `window.__ringlens` (performance.now() stamps, so from navigation start). Two views: the
 * largest demo ring, and a synthetic ring whose graph has the asked size (5,000 nodes and
 * 20,000 edges by default). A fresh browser context per run: nothing cached.
 */
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import type { RinglensHook } from "../../client/src/app/test-hook.ts";
import type { BenchContext } from "../bench-context.ts";
import { CLI, runChild } from "../child/run-child.ts";
import { summarise, type Figure } from "../figure.ts";
import { analysedStore } from "../prepare-store.ts";
import { ticking } from "../progress.ts";
import { serveStore } from "../serve-store.ts";
import { largestRing } from "../api/largest-ring.ts";
import { ensureClientBuilt } from "./ensure-client.ts";
import { writeWideRing, type WideRing } from "./write-wide-ring.ts";

const CHROMIUM = "/usr/bin/chromium";
const VIEW_TIMEOUT_MS = 180_000;

export interface ViewTiming {
  ringId: string;
  accounts: number;
  /** Nodes and edges the API sends for the ring. */
  wireNodes: number;
  wireEdges: number;
  /** Nodes the viewer shows (refunds folded into accounts, the ring's own node left out). */
  nodesOnScreen: number;
  /** The server's first answer for the ring graph (it computes and caches positions), ms. */
  serverFirstGraphMs: number;
  firstFrameSeconds: Figure;
  settledSeconds: Figure;
  pageErrors: string[];
}

export interface ViewerSection {
  runs: number;
  clientBuiltAt: string;
  demoRing: ViewTiming;
  wide: ViewTiming & { plan: WideRing };
}

export async function measureViewer(ctx: BenchContext): Promise<ViewerSection> {
  // The synthetic ring is a second embedded store beside the demo's (run-bench.ts skips the viewer on Neo4j).
  if (ctx.store.kind !== "embedded") throw new Error("the viewer section runs on the embedded store only");
  const builtAt = await ticking(ctx.progress, "viewer: checking the client build", () => ensureClientBuilt());
  const demoStore = await analysedStore(ctx);
  const wide = await wideStore(ctx);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const demoRing = await timeLargestRing(ctx, browser, demoStore, "demo ring");
    const wideRing = await timeLargestRing(ctx, browser, wide.store, "large neighbourhood");
    if (ctx.options.viewerRuns < 3) {
      ctx.notes.push(
        `viewer: ${ctx.options.viewerRuns === 1 ? "1 run" : `${ctx.options.viewerRuns} runs`} per view (slow part; --viewer-runs N or --runs N for more)`,
      );
    }
    return { runs: ctx.options.viewerRuns, clientBuiltAt: builtAt.toISOString(), demoRing, wide: { ...wideRing, plan: wide.plan } };
  } finally {
    await browser.close();
  }
}

/** The synthetic store: written, loaded and analysed with the real CLI (no hub, no split). */
async function wideStore(ctx: BenchContext): Promise<{ store: string; plan: WideRing }> {
  const dir = ctx.scratch("wide");
  const plan = writeWideRing(path.join(dir, "data"), {
    nodes: ctx.options.viewerNodes,
    edges: ctx.options.viewerEdges,
    seed: ctx.options.seed,
  });
  const store = path.join(dir, "store");
  await ticking(ctx.progress, "viewer: loading the large neighbourhood", () =>
    runChild(CLI, ["--db", store, "load", plan.folder, "--json", "--rejects", path.join(dir, "rejects.csv")]),
  );
  await ticking(ctx.progress, "viewer: analysing the large neighbourhood", () =>
    runChild(CLI, [
      "--db",
      store,
      "analyze",
      "--json",
      "--max-ring-size",
      String(plan.accounts + 1),
      "--hub-threshold",
      String(plan.accounts + 1),
    ]),
  );
  return { store, plan };
}

async function timeLargestRing(ctx: BenchContext, browser: Browser, store: string, label: string): Promise<ViewTiming> {
  const server = await serveStore(ctx.store, store);
  try {
    const ring = await largestRing(server.url);
    const started = performance.now();
    const wire = (await (await fetch(`${server.url}/api/rings/${encodeURIComponent(ring.id)}/graph`)).json()) as {
      nodes: unknown[];
      edges: unknown[];
    };
    const serverFirstGraphMs = Math.round(performance.now() - started);
    const firstFrame: number[] = [];
    const settled: number[] = [];
    const pageErrors: string[] = [];
    let nodesOnScreen = 0;
    for (let run = 0; run < ctx.options.viewerRuns; run++) {
      const hook = await ticking(
        ctx.progress,
        `viewer ${run + 1}/${ctx.options.viewerRuns}: ${label} ${ring.id} (${wire.nodes.length.toLocaleString("en")} nodes)`,
        () => openRing(browser, server.url, ring.id, pageErrors),
      );
      firstFrame.push(hook.firstFrameAt! / 1000);
      settled.push(hook.layoutSettledAt! / 1000);
      nodesOnScreen = hook.nodeCount;
      ctx.progress.say(
        `viewer ${run + 1}/${ctx.options.viewerRuns}: ${label} ${ring.id}: ${hook.nodeCount.toLocaleString("en")} nodes on screen, first frame ${(hook.firstFrameAt! / 1000).toFixed(2)} s, settled ${(hook.layoutSettledAt! / 1000).toFixed(2)} s`,
      );
    }
    return {
      ringId: ring.id,
      accounts: ring.size,
      wireNodes: wire.nodes.length,
      wireEdges: wire.edges.length,
      nodesOnScreen,
      serverFirstGraphMs,
      firstFrameSeconds: summarise(firstFrame),
      settledSeconds: summarise(settled),
      pageErrors,
    };
  } finally {
    await server.stop();
  }
}

async function openRing(browser: Browser, url: string, ringId: string, pageErrors: string[]): Promise<RinglensHook> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${url}/?ring=${encodeURIComponent(ringId)}`);
    await page.waitForFunction(
      (view) => {
        const hook = window.__ringlens;
        return hook.view === view && hook.ready && hook.firstFrameAt !== undefined && hook.layoutSettledAt !== undefined;
      },
      `ring:${ringId}`,
      { timeout: VIEW_TIMEOUT_MS, polling: 100 },
    );
    return await page.evaluate(() => ({ ...window.__ringlens }));
  } finally {
    await context.close();
  }
}
