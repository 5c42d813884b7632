/**
 * Points at a node on the graph canvas by its key, never by a guessed pixel: waits until the
 * layout has stopped and the drawn positions (window.__ringlensNodes, from sigma) stand still
 * from one frame to the next, then takes a node that no other node overlaps, so a hover or a
 * click there can only hit it.
 */
import type { Page } from "playwright-core";

export interface NodeSpot {
  key: string;
  /** Page coordinates of the node's centre. */
  x: number;
  y: number;
}

/** Nodes smaller than this are too small to aim at reliably (sigma picks on a downsized buffer). */
const MIN_RADIUS = 3;
/** Free pixels required between the chosen node's shape and any other node's (each taken at its full reach). */
const CLEARANCE = 3;

/** The spot of node `key`, or of the first clear node of `kind` (in key order). */
export async function nodeSpot(page: Page, which: { kind: string } | { key: string }): Promise<NodeSpot> {
  await page.waitForFunction(() => window.__ringlens.ready && !window.__ringlens.layoutRunning, undefined, { timeout: 30_000 });
  const found = await page.evaluate(
    async ({ which, minRadius, clearance }) => {
      const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const read = () => JSON.stringify(window.__ringlensNodes());
      // Still frames, counted, not timed: sigma may refresh once more after the layout stops.
      let last = read();
      for (let frames = 0; ; frames++) {
        await frame();
        const now = read();
        if (now === last) break;
        if (frames > 600) throw new Error("node positions kept changing for 600 frames");
        last = now;
      }
      const nodes = window.__ringlensNodes();
      const stage = document.getElementById("stage")!.getBoundingClientRect();
      const clear = (n: (typeof nodes)[number]) =>
        n.radius >= minRadius &&
        n.x - n.reach >= 0 &&
        n.y - n.reach >= 0 &&
        n.x + n.reach <= stage.width &&
        n.y + n.reach <= stage.height &&
        nodes.every((o) => o.key === n.key || Math.hypot(o.x - n.x, o.y - n.y) > o.reach + n.reach + clearance);
      const candidates =
        "key" in which
          ? nodes.filter((n) => n.key === which.key)
          : nodes.filter((n) => n.kind === which.kind).sort((a, b) => (a.key < b.key ? -1 : 1));
      const chosen = candidates.find(clear);
      return chosen
        ? { key: chosen.key, x: stage.left + chosen.x, y: stage.top + chosen.y }
        : { error: `no clear node ${JSON.stringify(which)} among ${candidates.length} candidates (${nodes.length} nodes drawn)` };
    },
    { which, minRadius: MIN_RADIUS, clearance: CLEARANCE },
  );
  if ("error" in found) throw new Error(found.error);
  return found;
}

/** A stage point at least `margin` pixels from every node's disc, to move the mouse off all nodes. */
export async function emptySpot(page: Page, margin = 12): Promise<{ x: number; y: number }> {
  const found = await page.evaluate((margin) => {
    const nodes = window.__ringlensNodes();
    const stage = document.getElementById("stage")!.getBoundingClientRect();
    for (let y = margin; y < stage.height - margin; y += margin) {
      for (let x = margin; x < stage.width - margin; x += margin) {
        if (nodes.every((n) => Math.hypot(n.x - x, n.y - y) > n.reach + margin)) return { x: stage.left + x, y: stage.top + y };
      }
    }
    return null;
  }, margin);
  if (!found) throw new Error("no empty spot on the stage");
  return found;
}
