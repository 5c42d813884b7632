/**
 * What the page and the layout worker (layout-worker.ts) say to each other. A run is named by
 * a number the page picks, so positions from a run the page has since replaced or stopped are
 * recognised and dropped.
 */
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";

export type LayoutSettings = Required<ForceAtlas2Settings>;

export type ToLayout =
  /** Start a run on these matrices (graphology's packing), replacing any other. */
  | { type: "run"; id: number; nodes: Float32Array; edges: Float32Array; settings: LayoutSettings }
  /** The page has drawn the last positions it got and wants the next. */
  | { type: "ready"; run: number }
  /** The run is out of time: send the latest positions as the last. */
  | { type: "finish"; run: number }
  /** Stop without another word (the user stopped it, or is dragging a node). */
  | { type: "stop"; run: number };

/** Why a run's last message is its last. */
export type LayoutEnd = "settled" | "finished";

export interface FromLayout {
  run: number;
  /** x0, y0, x1, y1, … in the order the matrices were packed. */
  positions: Float64Array;
  /** Steps taken in this run so far. */
  steps: number;
  /** Set on the run's last message: the worker has stopped, settled or told to finish. */
  end: LayoutEnd | null;
}
