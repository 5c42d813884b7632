/**
 * `window.__ringlens`: a tiny read-only snapshot for end-to-end tests and benchmarks, so they
 * can wait for the viewer instead of sleeping. `view` names what is on screen ("home",
 * "ring:R1", "node:Account:A1", "query:name"); `ready` turns true once that view's data is
 * shown (and, for a graph, drawn); `firstFrameAt` / `layoutSettledAt` are performance.now()
 * times of its first drawn frame and of its layout's first stop; `layoutRunning` says whether the
 * layout moves nodes now; `nodeCount` counts nodes on screen. `window.__ringlensNodes()` lists
 * where each node is drawn (render/nodes-on-screen.ts), so a test can hover or click a node by key.
 */
import type { NodeOnScreen } from "../render/nodes-on-screen.ts";

export interface RinglensHook {
  ready: boolean;
  firstFrameAt?: number;
  layoutSettledAt?: number;
  layoutRunning: boolean;
  nodeCount: number;
  view: string;
}

declare global {
  interface Window {
    readonly __ringlens: Readonly<RinglensHook>;
    readonly __ringlensNodes: () => NodeOnScreen[];
  }
}

const state: RinglensHook = { ready: false, layoutRunning: false, nodeCount: 0, view: "home" };

/** Defines the getters once; each read returns a frozen copy, so callers cannot change it. */
export function installHook(nodes: () => NodeOnScreen[]): void {
  Object.defineProperty(window, "__ringlens", {
    configurable: false,
    enumerable: false,
    get: () => Object.freeze({ ...state }),
  });
  Object.defineProperty(window, "__ringlensNodes", { configurable: false, enumerable: false, value: nodes });
}

/** A new view starts: clears the timings. */
export function hookStartView(view: string): void {
  state.view = view;
  state.ready = false;
  state.nodeCount = 0;
  delete state.firstFrameAt;
  delete state.layoutSettledAt;
}

export function hookUpdate(changes: Partial<RinglensHook>): void {
  Object.assign(state, changes);
}

export function hookState(): Readonly<RinglensHook> {
  return state;
}
