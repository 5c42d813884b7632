/**
 * Composition root of the viewer: builds the API client, scene, panels and controller,
 * wires their callbacks together, installs `window.__ringlens`, and opens the view the URL
 * names. No logic of its own beyond the wiring.
 */
import "./styles.css";
import { api } from "./api/api-client.ts";
import { createController } from "./app/controller.ts";
import { createScene } from "./app/graph-scene.ts";
import { onPopView, parseView, viewName } from "./app/router.ts";
import { installHook, hookState, hookUpdate } from "./app/test-hook.ts";
import { nodeKey } from "./graph/data-graph.ts";
import { layoutWorker } from "./render/layout-runner.ts";
import { nodesOnScreen } from "./render/nodes-on-screen.ts";
import { byId } from "./ui/dom.ts";
import { createDetailsPanel } from "./ui/details-panel.ts";
import { createLegend } from "./ui/legend.ts";
import { createQueriesPanel } from "./ui/queries-panel.ts";
import { createResultsArea } from "./ui/results-area.ts";
import { createRingList } from "./ui/ring-list.ts";
import { createSearchBox } from "./ui/search-box.ts";
import { showStats } from "./ui/stats-line.ts";
import { createStatusBar } from "./ui/status-bar.ts";
import { createTabs } from "./ui/tabs.ts";
import { createAlertInbox } from "./ui/alert-inbox.ts";
import { createTimeBar } from "./ui/time-bar.ts";
import { caseFileView } from "./app/case-file-view.ts";
import { createToolbar } from "./ui/toolbar.ts";
import { wireToolbar } from "./app/toolbar-actions.ts";

const FOLD_REFUNDS_BY_DEFAULT = true;

// Started while the first view's data loads, so it is up before that view's first frame.
layoutWorker();

installHook(() => {
  const renderer = scene.renderer();
  return renderer ? nodesOnScreen(renderer.sigma) : [];
});
const status = createStatusBar(byId("status"));
const open = (view: Parameters<typeof controller.open>[0]) => void controller.open(view, true);

const ringList = createRingList(byId("ring-panel"), { api, onOpen: (id) => open({ kind: "ring", id }), onError: status.error });
const details = createDetailsPanel(byId("details"), {
  onExpand: (key) => void controller.expand(key),
  onOpenNode: (key) => open({ kind: "node", key }),
  onOpenRing: (id) => open({ kind: "ring", id }),
  onFocusNode: (key) => controller.focusNode(key),
  labelOf: (key) => {
    const graph = scene.graph();
    return graph?.hasNode(key) ? graph.getNodeAttribute(key, "label") : null;
  },
  loadNeighbours: (key) => {
    const at = key.indexOf(":");
    return api.neighbors(key.slice(0, at), key.slice(at + 1), 1, 500);
  },
  saveCase: api.saveCase,
  onCaseSaved: (saved) => {
    status.info(`Case ${saved.id} saved: ${saved.status}.`);
    void ringList.reload();
  },
  onCaseFile: (id) => void caseFile.open(id).catch(status.error),
  onError: status.error,
});
const alerts = createAlertInbox(byId("alert-panel"), {
  api,
  onOpenRing: (id) => open({ kind: "ring", id }),
  onOpenAccount: (id) => open({ kind: "node", key: nodeKey("Account", id) }),
  onError: status.error,
});
const legend = createLegend(byId("legend"), (kind) => {
  const hidden = scene.state.hiddenKinds;
  if (!hidden.delete(kind)) hidden.add(kind);
  scene.refresh();
  legend.update(scene.graph(), hidden);
});
const toolbar = createToolbar(
  byId("toolbar"),
  wireToolbar(() => ({ scene, controller, status })),
  FOLD_REFUNDS_BY_DEFAULT,
);
const emptyNote = byId("stage-empty");

const scene = createScene(
  byId("stage"),
  {
    onSelect: (key) => controller.select(key),
    onExpand: (key) => void controller.expand(key),
    onLayoutChange: (running) => {
      toolbar.setLayoutRunning(running);
      hookUpdate({ layoutRunning: running });
      if (!running && hookState().layoutSettledAt === undefined) hookUpdate({ layoutSettledAt: performance.now() });
    },
    onFirstFrame: () => controller.frameDrawn(),
    onGraphChange: (graph) => {
      emptyNote.hidden = graph !== null && graph.order > 0;
      hookUpdate({ nodeCount: graph?.order ?? 0 });
      const described = graph
        ? `Graph: ${graph.order} nodes, ${graph.size} links; the details panel lists members, insiders and hubs`
        : "Graph canvas, empty";
      byId("stage").setAttribute("aria-label", described);
      legend.update(graph, scene.state.hiddenKinds);
      toolbar.setEnabled({ graph: (graph?.order ?? 0) > 0, selection: scene.state.selected !== null, ring: controller.ring() !== null });
    },
  },
  FOLD_REFUNDS_BY_DEFAULT,
);

const controller = createController({
  api,
  scene,
  details,
  toolbar,
  ringList,
  results: createResultsArea(byId("results"), (key) => controller.focusNode(key)),
  status,
  timeBar: createTimeBar(byId("time-bar"), (window) => controller.setTimeWindow(window)),
});

const caseFile = caseFileView(byId("case-file"), api, scene, () => controller.ring()?.id ?? null);

const queries = createQueriesPanel(byId("query-panel"), {
  api,
  context: () => {
    const selected = scene.state.selected ? scene.graph()?.getNodeAttributes(scene.state.selected) : undefined;
    const context: Record<string, unknown> = {};
    const ring = controller.ring();
    if (ring) context.ringId = ring.id;
    if (selected) context[`${selected.kind.toLowerCase()}Id`] = selected.entityId;
    return context;
  },
  onResult: (query, result) => controller.showQueryResult(query, result),
});
createTabs([byId<HTMLButtonElement>("tab-rings"), byId<HTMLButtonElement>("tab-queries"), byId<HTMLButtonElement>("tab-alerts")], (tab) => {
  if (tab.id === "tab-queries") void queries.activate();
  if (tab.id === "tab-alerts") void alerts.reload();
});
createSearchBox(byId<HTMLFormElement>("search"), byId<HTMLInputElement>("search-input"), byId("search-results"), {
  api,
  onPick: (hit) => open(hit.type === "Ring" ? { kind: "ring", id: hit.id } : { kind: "node", key: nodeKey(hit.type, hit.id) }),
  onOpenRing: (id) => open({ kind: "ring", id }),
  onError: status.error,
});

details.setIntro(
  "Rings are groups of accounts tied together by shared devices and addresses. Pick one on the left to see who is in it, why it scored as it did, and which support employees approved its refunds.",
);
toolbar.setEnabled({ graph: false, selection: false, ring: false });
onPopView((view) => {
  // A hash change (the skip link) also pops; only a different view is worth reloading.
  if (viewName(view) !== viewName(controller.view())) void controller.open(view, false);
});
byId("skip-link").addEventListener("click", (event) => {
  event.preventDefault();
  byId("ring-list").focus();
});
void showStats(byId("stats"), api);
void ringList.reload();
void controller.open(parseView(location.search), false);
