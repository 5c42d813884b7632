/**
 * `window.__ringlens`: a tiny read-only snapshot for end-to-end tests and benchmarks, so they
 * can wait for the viewer instead of sleeping. `view` names what is on screen ("home",
 * "ring:R1", "node:Account:A1", "query:name"); `ready` turns true once that view's data is
 * shown (and, for a graph, drawn); `firstFrameAt` / `layoutSettledAt` are performance.now()
 * times of its first drawn frame and of its layout's first stop; `nodeCount` counts nodes on screen.
 */

export interface RinglensHook {
  ready: boolean;
  firstFrameAt?: number;
  layoutSettledAt?: number;
  nodeCount: number;
  view: string;
}

declare global {
  interface Window {
    readonly __ringlens: Readonly<RinglensHook>;
  }
}

const state: RinglensHook = { ready: false, nodeCount: 0, view: "home" };

/** Defines the getter once; each read returns a frozen copy, so callers cannot change it. */
export function installHook(): void {
  Object.defineProperty(window, "__ringlens", {
    configurable: false,
    enumerable: false,
    get: () => Object.freeze({ ...state }),
  });
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
