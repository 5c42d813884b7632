/**
 * Node dragging for a sigma renderer: press on a node, move, release. The camera is held
 * still and the frame frozen meanwhile, and the layout is stopped so it does not pull the
 * node back. Returns a function that removes every listener it added.
 */
import type Sigma from "sigma";
import type { SigmaNodeEventPayload, SigmaStageEventPayload } from "sigma/types";
import type { EdgeData, NodeData } from "../graph/data-graph.ts";

export interface DragHooks {
  onDragStart(node: string): void;
}

export function enableDrag(sigma: Sigma<NodeData, EdgeData>, hooks: DragHooks): () => void {
  const graph = sigma.getGraph();
  let dragged: string | null = null;
  let moved = false;

  const onDown = ({ node }: SigmaNodeEventPayload) => {
    dragged = node;
    moved = false;
  };
  const onMove = ({ event, preventSigmaDefault }: SigmaStageEventPayload) => {
    if (!dragged || !graph.hasNode(dragged)) return;
    if (!moved) {
      hooks.onDragStart(dragged);
      // Freeze the frame so the whole picture does not rescale under the pointer.
      if (!sigma.getCustomBBox()) sigma.setCustomBBox(sigma.getBBox());
    }
    moved = true;
    const { x, y } = sigma.viewportToGraph(event);
    graph.mergeNodeAttributes(dragged, { x, y });
    preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  };
  const onUp = () => {
    dragged = null;
  };

  sigma.on("downNode", onDown);
  sigma.on("moveBody", onMove);
  sigma.on("upNode", onUp);
  sigma.on("upStage", onUp);
  return () => {
    sigma.off("downNode", onDown);
    sigma.off("moveBody", onMove);
    sigma.off("upNode", onUp);
    sigma.off("upStage", onUp);
  };
}
