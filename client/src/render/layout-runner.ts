/**
 * ForceAtlas2 in a web worker (graphology-layout-forceatlas2/worker) with start/stop, an
 * automatic stop after a time budget that grows with the graph, and callbacks when it runs
 * or settles. The page never computes the layout on its main thread.
 */
import { inferSettings } from "graphology-layout-forceatlas2";
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";
import type { DataGraph } from "../graph/data-graph.ts";

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

/** Longer for bigger graphs, a few seconds in all. */
export function defaultBudgetMs(order: number): number {
  return Math.min(8000, 2500 + order * 4);
}

/** @example const layout = createLayoutRunner(graph, { onRunningChange: console.log }); layout.start(); */
export function createLayoutRunner(graph: DataGraph, callbacks: LayoutCallbacks): LayoutRunner {
  const supervisor = new FA2LayoutSupervisor(graph, {
    settings: {
      ...inferSettings(graph),
      barnesHutOptimize: graph.order > 400,
      linLogMode: true,
      adjustSizes: false,
      slowDown: 5,
    },
    getEdgeWeight: null,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let killed = false;

  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!supervisor.isRunning()) return;
    supervisor.stop();
    callbacks.onRunningChange(false);
  };

  return {
    start(budgetMs = defaultBudgetMs(graph.order)) {
      if (killed || graph.order === 0) return;
      clearTimeout(timer);
      timer = setTimeout(stop, budgetMs);
      if (supervisor.isRunning()) return;
      supervisor.start();
      callbacks.onRunningChange(true);
    },
    stop,
    isRunning: () => supervisor.isRunning(),
    kill() {
      if (killed) return;
      stop();
      killed = true;
      supervisor.kill();
    },
  };
}
