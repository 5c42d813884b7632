/**
 * What the toolbar's buttons do: layout start/stop, fit, expand the selection, fold
 * refunds, size mode, and the three exports. Reads the scene and controller lazily because
 * the toolbar is built before them.
 */
import { exportGraphJson, exportMembersCsv, exportPng } from "../export/exports.ts";
import type { StatusBar } from "../ui/status-bar.ts";
import type { ToolbarHandlers } from "../ui/toolbar.ts";
import type { Controller } from "./controller.ts";
import type { Scene } from "./graph-scene.ts";
import { viewName } from "./router.ts";

interface Parts {
  scene: Scene;
  controller: Controller;
  status: StatusBar;
}

export function wireToolbar(parts: () => Parts): ToolbarHandlers {
  const fileName = () => viewName(parts().controller.view()).replace(/:/g, "-");
  return {
    onToggleLayout() {
      const layout = parts().scene.renderer()?.layout;
      if (!layout) return;
      if (layout.isRunning()) layout.stop();
      else layout.start();
    },
    onFit: () => parts().scene.renderer()?.zoomToFit(),
    onExpand() {
      const { scene, controller } = parts();
      if (scene.state.selected) void controller.expand(scene.state.selected);
    },
    onFoldRefunds: (fold) => parts().scene.setFoldRefunds(fold),
    onSizeBy(sizeBy) {
      const { scene } = parts();
      scene.state.sizeBy = sizeBy;
      scene.refresh();
    },
    onExportPng() {
      const { scene, status } = parts();
      const renderer = scene.renderer();
      if (renderer) exportPng(renderer.sigma, fileName()).catch(status.error);
    },
    onExportCsv() {
      const ring = parts().controller.ring();
      if (ring) exportMembersCsv(ring);
    },
    onExportJson() {
      const { scene, controller } = parts();
      const graph = scene.graph();
      if (graph) exportGraphJson(graph, fileName(), { view: viewName(controller.view()), truncated: scene.wire().truncated });
    },
  };
}
