/**
 * What is on the canvas: the accumulated wire graph of the current view, the live data graph
 * built from it, the view state and the renderer. A new view disposes the old renderer and
 * makes a new one; expanding or (un)folding refunds updates the live graph in place.
 */
import type { WireGraph } from "../../../wire/wire-types.ts";
import type { DataGraph } from "../graph/data-graph.ts";
import { EMPTY_WIRE, mergeWire } from "../graph/merge-wire.ts";
import { placeNodes, positionsOf } from "../graph/place-nodes.ts";
import { syncGraph } from "../graph/sync-graph.ts";
import { toGraph } from "../graph/to-graph.ts";
import { createRenderer, type Renderer, type RendererHooks } from "../render/create-renderer.ts";
import { createViewState, setHovered, type ViewState } from "../render/view-state.ts";

export interface SceneHooks extends Omit<RendererHooks, "onFrame"> {
  /** The graph on screen changed (new view, expansion, folding). */
  onGraphChange(graph: DataGraph | null): void;
  onFirstFrame(): void;
}

export interface Scene {
  readonly state: ViewState;
  /** Opens a new graph; `omit` names nodes to leave out for as long as this view lasts. */
  show(wire: WireGraph, omit?: string[]): void;
  merge(wire: WireGraph): void;
  clear(): void;
  setFoldRefunds(fold: boolean): void;
  graph(): DataGraph | null;
  wire(): WireGraph;
  renderer(): Renderer | null;
  /** Re-applies reducers after the view state changed. */
  refresh(): void;
}

export function createScene(container: HTMLElement, hooks: SceneHooks, foldRefunds: boolean): Scene {
  const state = createViewState();
  let wire: WireGraph = EMPTY_WIRE;
  let graph: DataGraph | null = null;
  let renderer: Renderer | null = null;
  let fold = foldRefunds;
  let omit = new Set<string>();
  const build = () => toGraph(wire, { foldRefunds: fold, omit });

  const teardown = () => {
    renderer?.dispose();
    renderer = null;
    graph = null;
    state.selected = null;
    setHovered(state, null, null);
  };

  const rebuildInPlace = () => {
    if (!graph || !renderer) return;
    const next = build();
    placeNodes(next, wire, positionsOf(graph));
    syncGraph(graph, next);
    if (state.selected && !graph.hasNode(state.selected)) state.selected = null;
    setHovered(state, graph, null);
    renderer.rescale();
    renderer.layout.start();
    hooks.onGraphChange(graph);
  };

  return {
    state,
    show(next, omitKeys = []) {
      teardown();
      wire = next;
      omit = new Set(omitKeys);
      graph = build();
      placeNodes(graph, wire, new Map());
      let framed = false;
      renderer = createRenderer(graph, container, state, {
        ...hooks,
        onFrame: () => {
          if (framed) return;
          framed = true;
          hooks.onFirstFrame();
        },
      });
      hooks.onGraphChange(graph);
      renderer.layout.start();
    },
    merge(addition) {
      wire = mergeWire(wire, addition);
      rebuildInPlace();
    },
    clear() {
      teardown();
      wire = EMPTY_WIRE;
      hooks.onGraphChange(null);
    },
    setFoldRefunds(next) {
      if (next === fold) return;
      fold = next;
      rebuildInPlace();
    },
    graph: () => graph,
    wire: () => wire,
    renderer: () => renderer,
    refresh: () => renderer?.refresh(),
  };
}
