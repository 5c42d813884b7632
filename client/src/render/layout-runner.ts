/**
 * ForceAtlas2 in a web worker (layout-worker.ts) with start/stop, an automatic stop once the
 * drawing has settled (convergence.ts, judged by the worker on every step) or, at the latest,
 * after a time budget that grows with the graph, and a callback when it runs or stops. The
 * page never computes the layout on its main thread; it draws the worker's latest positions
 * as fast as it can draw, and the worker does not wait for it.
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

/** The most a run may take if it never settles: longer for bigger graphs, a few seconds in all. */
export function defaultBudgetMs(order: number): number {
  return Math.min(8000, 2500 + order * 4);
}

/** @example const layout = createLayoutRunner(graph, { onRunningChange: console.log }); layout.start(); */
export function createLayoutRunner(graph: DataGraph, callbacks: LayoutCallbacks): LayoutRunner {
  const worker = new Worker(new URL("./layout-worker.ts", import.meta.url), { type: "module" });
  const tell = (message: ToLayout, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  let run = 0;
  let running = false;
  let killed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let repack: ReturnType<typeof setTimeout> | undefined;

  // Packs the graph as it is now, positions included; a new run id drops the old run's answers.
  const begin = () => {
    run++;
    const { nodes, edges } = graphToByteArrays(graph, () => 1);
    tell({ type: "run", id: run, nodes, edges, settings: viewerLayoutSettings(graph.order) }, [nodes.buffer, edges.buffer]);
  };
  const stop = () => {
    clearTimeout(timer);
    clearTimeout(repack);
    timer = undefined;
    if (!running) return;
    running = false;
    tell({ type: "stop", run });
    callbacks.onRunningChange(false);
  };
  worker.addEventListener("message", (event: MessageEvent<FromLayout>) => {
    const step = event.data;
    if (!running || step.run !== run || step.positions.length !== graph.order * 2) return;
    let i = 0;
    // One update for all nodes, in the order begin() packed them: sigma redraws once.
    graph.updateEachNodeAttributes((_key, attributes) => {
      attributes.x = step.positions[i++]!;
      attributes.y = step.positions[i++]!;
      return attributes;
    });
    if (step.settled) stop();
    else tell({ type: "ready", run });
  });
  // Nodes or edges added or dropped mid-run (an expansion): repack once the change is done.
  const onStructure = () => {
    if (!running) return;
    run++;
    clearTimeout(repack);
    repack = setTimeout(begin, 0);
  };
  const structureEvents = ["nodeAdded", "edgeAdded", "nodeDropped", "edgeDropped", "cleared", "edgesCleared"] as const;
  for (const name of structureEvents) graph.on(name, onStructure);

  return {
    start(budgetMs = defaultBudgetMs(graph.order)) {
      if (killed || graph.order === 0) return;
      clearTimeout(timer);
      timer = setTimeout(stop, budgetMs);
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
      worker.terminate();
    },
  };
}
