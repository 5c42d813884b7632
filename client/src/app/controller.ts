/**
 * The viewer's controller: opens views (home, ring, node neighbourhood, query graph) by
 * fetching from the API and handing the answers to the scene and the panels; handles
 * selection, focus, expansion; keeps the URL and `window.__ringlens` in step. A newer view
 * always wins over a slower older answer.
 */
import type { QueryInfo, QueryRunResult, RingDetail, WireGraph } from "../../../wire/wire-types.ts";
import type { Api } from "../api/api-client.ts";
import { nodeKey, parseNodeKey } from "../graph/data-graph.ts";
import { mergeWire } from "../graph/merge-wire.ts";
import type { DetailsPanel } from "../ui/details-panel.ts";
import type { ResultsArea } from "../ui/results-area.ts";
import type { RingList } from "../ui/ring-list.ts";
import type { StatusBar } from "../ui/status-bar.ts";
import type { Toolbar } from "../ui/toolbar.ts";
import { outsideWindow, type TimeBar, type TimeWindow } from "../ui/time-bar.ts";
import type { Scene } from "./graph-scene.ts";
import { pushView, viewName, type View } from "./router.ts";
import { hookStartView, hookState, hookUpdate } from "./test-hook.ts";
import { describeView } from "./view-title.ts";

export interface ControllerDeps {
  api: Api;
  scene: Scene;
  details: DetailsPanel;
  toolbar: Toolbar;
  ringList: RingList;
  results: ResultsArea;
  status: StatusBar;
  timeBar: TimeBar;
}

export interface Controller {
  open(view: View, push: boolean): Promise<void>;
  select(key: string | null): void;
  focusNode(key: string): void;
  expand(key: string): Promise<void>;
  showQueryResult(query: QueryInfo, result: QueryRunResult): void;
  ring(): RingDetail | null;
  view(): View;
  /** The time bar's window changed: hide what falls outside it on the graph and in the ring's tables. */
  setTimeWindow(window: TimeWindow | null): void;
  /** Called by the scene: first frame of the current graph. */
  frameDrawn(): void;
}

const NEIGHBOUR_LIMIT = 300;

export function createController(deps: ControllerDeps): Controller {
  const { api, scene, details, toolbar, ringList, status } = deps;
  let ring: RingDetail | null = null;
  let ringWire: WireGraph | null = null;
  let current: View = { kind: "home" };
  let sequence = 0;
  let shown = false;

  /** A view without a ring: no time bar, nothing hidden by its window. */
  const leaveRing = () => {
    ring = null;
    ringWire = null;
    scene.state.outsideWindow = new Set();
    deps.timeBar.setTimes(null);
  };
  const begin = (view: View) => {
    current = view;
    shown = false;
    hookStartView(viewName(view));
    return ++sequence;
  };
  /** The view's data is on screen; ready once the graph (if any) has been drawn. */
  const shownNow = () => {
    shown = true;
    const order = scene.graph()?.order ?? 0;
    hookUpdate({ nodeCount: order, ready: order === 0 || hookState().firstFrameAt !== undefined });
  };
  const fail = (mine: number, error: unknown) => {
    if (mine !== sequence) return;
    status.error(error);
    toolbar.setTitle(describeView(current, null).title, "could not be loaded");
    shownNow();
  };

  async function openRing(id: string, mine: number): Promise<void> {
    const [detail, wire] = await Promise.all([api.ring(id), api.ringGraph(id)]);
    if (mine !== sequence) return;
    ring = detail;
    ringWire = wire;
    scene.state.outsideWindow = new Set();
    deps.timeBar.setTimes(
      wire.nodes
        .filter((n) => n.attributes.type === "Refund")
        .map((n) => Date.parse(String(n.attributes.properties?.requestedAt ?? "")))
        .filter((t) => !Number.isNaN(t)),
    );
    scene.show(wire, [nodeKey("Ring", detail.id)]);
    details.setRing(detail);
    details.setNode(null);
    ringList.setActive(id);
    const { title, note } = describeView(current, detail, wire.truncated);
    toolbar.setTitle(title, note);
  }

  async function openNode(key: string, mine: number): Promise<void> {
    const parsed = parseNodeKey(key);
    if (!parsed) throw new Error(`viewer: "${key}" is not a node; expected TYPE:ID such as Account:A1`);
    // Two hops: an account's devices and addresses, and the other accounts sharing them. The
    // node itself is asked for too: a node with no relationships has no neighbourhood to come with.
    const [around, { node }] = await Promise.all([
      api.neighbors(parsed.kind, parsed.id, 2, NEIGHBOUR_LIMIT),
      api.node(parsed.kind, parsed.id),
    ]);
    if (mine !== sequence) return;
    const canonical = nodeKey(String(node.type), node.id);
    const wire = mergeWire({ nodes: [{ key: canonical, attributes: node }], edges: [], truncated: false }, around);
    leaveRing();
    // A refund asked for by name must be on the canvas to be selected, not folded into its account.
    if (parsed.kind === "Refund") {
      scene.setFoldRefunds(false);
      toolbar.setFold(false);
    }
    scene.show(wire);
    details.setRing(null);
    ringList.setActive(null);
    const { title, note } = describeView(current, null, wire.truncated);
    toolbar.setTitle(title, note);
    if (scene.graph()?.hasNode(canonical)) controller.select(canonical);
  }

  const controller: Controller = {
    async open(view, push) {
      const mine = begin(view);
      if (push) pushView(view);
      status.clear();
      toolbar.setTitle(describeView(view, null).title, "loading…");
      try {
        if (view.kind === "ring") await openRing(view.id, mine);
        else if (view.kind === "node") await openNode(view.key, mine);
        else {
          leaveRing();
          scene.clear();
          details.setRing(null);
          details.setNode(null);
          ringList.setActive(null);
          toolbar.setTitle(describeView(view, null).title);
        }
        if (mine === sequence) shownNow();
      } catch (error) {
        fail(mine, error);
      }
    },
    select(key) {
      const graph = scene.graph();
      const valid = key !== null && graph?.hasNode(key) ? key : null;
      scene.state.selected = valid;
      scene.refresh();
      details.setNode(valid && graph ? { key: valid, data: graph.getNodeAttributes(valid) } : null);
      toolbar.setEnabled({ graph: (graph?.order ?? 0) > 0, selection: valid !== null, ring: ring !== null });
    },
    focusNode(key) {
      const renderer = scene.renderer();
      if (!renderer || !scene.graph()?.hasNode(key)) {
        status.info(`${key} is not on the canvas (it may be folded, hidden by the graph limit, or outside this view).`);
        return;
      }
      controller.select(key);
      const at = renderer.sigma.getNodeDisplayData(key);
      const camera = renderer.sigma.getCamera();
      if (at) void camera.animate({ x: at.x, y: at.y, ratio: Math.min(camera.ratio, 0.7) }, { duration: 400 });
    },
    async expand(key) {
      const parsed = parseNodeKey(key);
      if (!parsed || !scene.graph()) return;
      const mine = sequence;
      try {
        const before = scene.graph()!.order;
        const wire = await api.neighbors(parsed.kind, parsed.id, 1, NEIGHBOUR_LIMIT);
        if (mine !== sequence) return;
        scene.merge(wire);
        const added = (scene.graph()?.order ?? before) - before;
        status.info(added > 0 ? `${added} node${added === 1 ? "" : "s"} added around ${key}.` : `Nothing new around ${key}.`);
      } catch (error) {
        status.error(error);
      }
    },
    showQueryResult(query, result) {
      deps.results.show(query.title || query.name, result);
      if (result.graph.nodes.length === 0) return;
      const view: View = { kind: "query", name: query.name };
      begin(view);
      leaveRing();
      scene.show(result.graph);
      details.setRing(null);
      details.setNode(null);
      ringList.setActive(null);
      const { title, note } = describeView(view, null, result.graph.truncated);
      toolbar.setTitle(query.title ? `Query: ${query.title}` : title, note);
      shownNow();
    },
    ring: () => ring,
    view: () => current,
    setTimeWindow(window) {
      if (!ring || !ringWire) return;
      const hidden = outsideWindow(ringWire.nodes, ringWire.edges, window);
      scene.state.outsideWindow = hidden;
      scene.refresh();
      details.setRing({ ...ring, members: ring.members.filter((m) => !hidden.has(nodeKey("Account", m.id))) });
    },
    frameDrawn() {
      hookUpdate({ firstFrameAt: performance.now(), ...(shown ? { ready: true } : {}) });
    },
  };
  return controller;
}
