/**
 * ForceAtlas2 in a web worker (layout-worker.ts) with start/stop, an automatic stop once the
 * drawing has settled (convergence.ts, judged by the worker on every step) or, at the latest,
 * after a time budget that grows with the graph, and a callback when it runs or stops. The
 * page never computes the layout on its main thread and the worker does not wait for the page:
 * the page asks for the latest positions after each frame it drew quickly, and stops asking
 * when a frame took too long (software WebGL on a big graph: seconds a frame), so a slow
 * screen shows the start and then the settled drawing instead of holding the result back.
 */
import { graphToByteArrays } from "graphology-layout-forceatlas2/helpers.js";
import type { DataGraph } from "../graph/data-graph.ts";
import type { FromLayout, ToLayout } from "./layout-messages.ts";
import { viewerLayoutSettings } from "./layout-settings.ts";

export interface LayoutRunner {
  start(budgetMs?: number): void;
  stop(): void;
  isRunning(): boolean;
  kill(): void;
}

export interface LayoutCallbacks {
  /** Called with true when the layout starts and false when it stops (by itself or not). */
  onRunningChange(running: boolean): void;
}

/** A frame slower than this is not worth animating the layout with (2–3 frames a second). */
const SLOW_FRAME_MS = 400;

/** The most a run may take if it never settles: longer for bigger graphs, a few seconds in all. */
export function defaultBudgetMs(order: number): number {
  return Math.min(8000, 2500 + order * 4);
}

let shared: Worker | null = null;
/** Run ids are unique across the page's runners: they share one worker. */
let lastRun = 0;

/**
 * The page's one layout worker, made on first call. main.ts calls it at start-up: a worker
 * only starts once the main thread is free, and a big graph's first frame holds it for seconds.
 */
export function layoutWorker(): Worker {
  shared ??= new Worker(new URL("./layout-worker.ts", import.meta.url), { type: "module" });
  return shared;
}

/** @example const layout = createLayoutRunner(graph, { onRunningChange: console.log }); layout.start(); */
export function createLayoutRunner(graph: DataGraph, callbacks: LayoutCallbacks): LayoutRunner {
  const worker = layoutWorker();
  const tell = (message: ToLayout, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  let run = 0;
  let running = false;
  let killed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let repack: ReturnType<typeof setTimeout> | undefined;

  // Packs the graph as it is now, positions included; a new run id drops the old run's answers.
  const begin = () => {
    repack = undefined;
    run = ++lastRun;
    const { nodes, edges } = graphToByteArrays(graph, () => 1);
    tell({ type: "run", id: run, nodes, edges, settings: viewerLayoutSettings(graph.order) }, [nodes.buffer, edges.buffer]);
    askWhenDrawn(run);
  };
  // Two animation frames on, the frame that was pending has been drawn and shown.
  const askWhenDrawn = (asked: number) => {
    const since = performance.now();
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (running && asked === run && performance.now() - since < SLOW_FRAME_MS) tell({ type: "ready", run });
      }),
    );
  };
  const halt = () => {
    clearTimeout(timer);
    clearTimeout(repack);
    timer = undefined;
    running = false;
    callbacks.onRunningChange(false);
  };
  const stop = () => {
    if (!running) return;
    tell({ type: "stop", run });
    halt();
  };
  // Out of time: the worker answers with its latest positions, which end the run.
  const finish = () => {
    timer = undefined;
    if (!running) return;
    // A repack still pending has no run in the worker to finish: keep the positions drawn.
    if (repack !== undefined) stop();
    else tell({ type: "finish", run });
  };
  const onMessage = (event: MessageEvent<FromLayout>) => {
    const step = event.data;
    if (!running || step.run !== run || step.positions.length !== graph.order * 2) return;
    let i = 0;
    // One update for all nodes, in the order begin() packed them: sigma redraws once.
    graph.updateEachNodeAttributes((_key, attributes) => {
      attributes.x = step.positions[i++]!;
      attributes.y = step.positions[i++]!;
      return attributes;
    });
    if (step.end) halt();
    else askWhenDrawn(run);
  };
  worker.addEventListener("message", onMessage);
  // Nodes or edges added or dropped mid-run (an expansion): repack once the change is done.
  const onStructure = () => {
    if (!running) return;
    run = ++lastRun;
    clearTimeout(repack);
    repack = setTimeout(begin, 0);
  };
  const structureEvents = ["nodeAdded", "edgeAdded", "nodeDropped", "edgeDropped", "cleared", "edgesCleared"] as const;
  for (const name of structureEvents) graph.on(name, onStructure);

  return {
    start(budgetMs = defaultBudgetMs(graph.order)) {
      if (killed || graph.order === 0) return;
      clearTimeout(timer);
      timer = setTimeout(finish, budgetMs);
      if (running) return;
      running = true;
      begin();
      callbacks.onRunningChange(true);
    },
    stop,
    isRunning: () => running,
    kill() {
      if (killed) return;
      stop();
      killed = true;
      for (const name of structureEvents) graph.off(name, onStructure);
      worker.removeEventListener("message", onMessage);
    },
  };
}
