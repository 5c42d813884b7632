/**
 * The ForceAtlas2 web worker: steps the layout on its own, without waiting for the page to
 * draw each step (graphology's supervisor runs one step per message, so a slow frame holds the
 * layout back), judges every step with convergence.ts and hands the page its latest positions
 * whenever the page says it is ready for more, and the last ones when the run settles or the
 * page tells it to finish. Same step function as graphology's worker.
 * Speaks only through messages (layout-messages.ts); imports no DOM, graph or sigma.
 */
import iterate from "graphology-layout-forceatlas2/iterate.js";
import { settleCheck } from "./convergence.ts";
import type { FromLayout, LayoutEnd, LayoutSettings, ToLayout } from "./layout-messages.ts";

/** Work done between two looks at the message queue, so stop and ready are heard promptly. */
const SLICE_MS = 30;
const PPN = 10;

interface Run {
  id: number;
  nodes: Float32Array;
  edges: Float32Array;
  settings: LayoutSettings;
  previous: Float64Array;
  calmSteps: number;
  steps: number;
  pageReady: boolean;
}

const scope = self as unknown as { postMessage(message: FromLayout, transfer: Transferable[]): void };
let run: Run | null = null;
let looping = false;

function positionsOf(nodes: Float32Array): Float64Array {
  const positions = new Float64Array((nodes.length / PPN) * 2);
  for (let i = 0, j = 0; j < positions.length; i += PPN, j += 2) {
    positions[j] = nodes[i]!;
    positions[j + 1] = nodes[i + 1]!;
  }
  return positions;
}

function send(current: Run, positions: Float64Array, end: LayoutEnd | null): void {
  const message: FromLayout = { run: current.id, positions, steps: current.steps, end };
  scope.postMessage(message, [positions.buffer]);
  current.pageReady = false;
}

function loop(): void {
  const current = run;
  if (!current) {
    looping = false;
    return;
  }
  const until = performance.now() + SLICE_MS;
  let latest: Float64Array | null = null;
  do {
    iterate(current.settings, current.nodes, current.edges);
    current.steps++;
    latest = positionsOf(current.nodes);
    const check = settleCheck(current.previous, latest, current.calmSteps);
    current.previous = latest;
    current.calmSteps = check.calmSteps;
    if (check.settled) {
      send(current, latest.slice(), "settled");
      run = null;
      looping = false;
      return;
    }
  } while (performance.now() < until);
  if (current.pageReady) send(current, latest.slice(), null);
  setTimeout(loop, 0);
}

self.addEventListener("message", (event: MessageEvent<ToLayout>) => {
  const message = event.data;
  if (message.type === "run") {
    const { id, nodes, edges, settings } = message;
    // The page says when it wants positions: after a frame that was quick to draw.
    run = { id, nodes, edges, settings, previous: positionsOf(nodes), calmSteps: 0, steps: 0, pageReady: false };
    if (!looping) {
      looping = true;
      setTimeout(loop, 0);
    }
  } else if (message.type === "ready") {
    if (run?.id === message.run) run.pageReady = true;
  } else if (message.type === "finish") {
    if (run?.id !== message.run) return;
    send(run, positionsOf(run.nodes), "finished");
    run = null;
  } else if (run?.id === message.run) {
    run = null;
  }
});
