/**
 * The renderer factory: a sigma instance on a data graph with the shape program, the
 * reducers reading a view state, hover/click/double-click/drag handlers and a ForceAtlas2
 * worker. Returns `{ sigma, dispose, ... }`; dispose removes every listener, kills the
 * worker and calls sigma.kill(). Knows nothing of the API or the panels.
 */
import Sigma from "sigma";
import type { SigmaNodeEventPayload } from "sigma/types";
import type { DataGraph, EdgeData, NodeData } from "../graph/data-graph.ts";
import { enableDrag } from "./drag-nodes.ts";
import { createLayoutRunner, type LayoutRunner } from "./layout-runner.ts";
import { NodeShapeProgram } from "./node-shape-program.ts";
import { createEdgeReducer, createNodeReducer } from "./reducers.ts";
import { rescale, setHovered, type ViewState } from "./view-state.ts";

export interface RendererHooks {
  onSelect(node: string | null): void;
  onExpand(node: string): void;
  onLayoutChange(running: boolean): void;
  /** Called after each frame; the scene uses the first one. */
  onFrame(): void;
}

export interface Renderer {
  sigma: Sigma<NodeData, EdgeData>;
  layout: LayoutRunner;
  /** Re-applies the reducers after the view state changed. */
  refresh(): void;
  /** Recomputes size scales after the graph's data changed. */
  rescale(): void;
  zoomToFit(): void;
  dispose(): void;
}

/** @example const { sigma, dispose } = createRenderer(graph, container, viewState, hooks); */
export function createRenderer(graph: DataGraph, container: HTMLElement, state: ViewState, hooks: RendererHooks): Renderer {
  rescale(state, graph);
  const sigma = new Sigma<NodeData, EdgeData>(graph, container, {
    nodeProgramClasses: { shape: NodeShapeProgram },
    defaultNodeType: "shape",
    nodeReducer: createNodeReducer(graph, state),
    edgeReducer: createEdgeReducer(graph, state),
    labelFont: "system-ui, -apple-system, 'Segoe UI', sans-serif",
    labelSize: 12,
    labelWeight: "600",
    labelColor: { color: "#1f2328" },
    labelDensity: 0.5,
    labelGridCellSize: 110,
    labelRenderedSizeThreshold: 8,
    zIndex: true,
    // Room for the labels, drawn to the right of their nodes.
    stagePadding: 60,
    minCameraRatio: 0.03,
    maxCameraRatio: 5,
  });
  const refresh = () => sigma.refresh({ skipIndexation: true });
  const layout = createLayoutRunner(graph, { onRunningChange: hooks.onLayoutChange });

  const onEnter = ({ node }: SigmaNodeEventPayload) => {
    setHovered(state, graph, node);
    container.style.cursor = "pointer";
    refresh();
  };
  const onLeave = () => {
    setHovered(state, graph, null);
    container.style.cursor = "";
    refresh();
  };
  // Sigma counts any two clicks within its double-click window as a double click, wherever they
  // land; a quick click on one node and then another must select the second, not expand it.
  let lastClicked: string | null = null;
  const onClickNode = ({ node }: SigmaNodeEventPayload) => {
    lastClicked = node;
    hooks.onSelect(node);
  };
  const onClickStage = () => {
    lastClicked = null;
    hooks.onSelect(null);
  };
  const onDoubleClick = ({ node, preventSigmaDefault }: SigmaNodeEventPayload) => {
    preventSigmaDefault();
    if (node === lastClicked) hooks.onExpand(node);
    else onClickNode({ node } as SigmaNodeEventPayload);
  };
  const onAfterRender = () => hooks.onFrame();

  sigma.on("enterNode", onEnter);
  sigma.on("leaveNode", onLeave);
  sigma.on("clickNode", onClickNode);
  sigma.on("clickStage", onClickStage);
  sigma.on("doubleClickNode", onDoubleClick);
  sigma.on("afterRender", onAfterRender);
  const disableDrag = enableDrag(sigma, { onDragStart: () => layout.stop() });
  // Sigma only follows window resizes; panels opening under the stage resize it too.
  const resizeObserver = new ResizeObserver(() => sigma.resize().refresh({ skipIndexation: true }));
  resizeObserver.observe(container);
  // The constructor has already rendered once, before any listener could hear it.
  hooks.onFrame();

  return {
    sigma,
    layout,
    refresh,
    rescale: () => {
      rescale(state, graph);
      refresh();
    },
    zoomToFit: () => {
      sigma.setCustomBBox(null);
      sigma.refresh();
      void sigma.getCamera().animatedReset({ duration: 300 });
    },
    dispose: () => {
      resizeObserver.disconnect();
      disableDrag();
      sigma.off("enterNode", onEnter);
      sigma.off("leaveNode", onLeave);
      sigma.off("clickNode", onClickNode);
      sigma.off("clickStage", onClickStage);
      sigma.off("doubleClickNode", onDoubleClick);
      sigma.off("afterRender", onAfterRender);
      layout.kill();
      sigma.kill();
    },
  };
}
