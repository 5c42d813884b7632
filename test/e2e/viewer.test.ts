/**
 * The viewer in a real browser against the real server (embedded store loaded from the
 * small fixture and analysed): ring list, ring graph drawn on the canvas, node details,
 * deep links and back, saved queries, exports, text-only rendering of data, keyboard use.
 * Screenshots of the main views go to test/artifacts/.
 */
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RingPage } from "../../wire/wire-types.ts";
import { DIMMED, NODE_STYLES } from "../../client/src/render/palette.ts";
import { expectClientBuilt } from "../helpers/e2e-client-build.ts";
import { hexToRgb, launchBrowser, openViewer, saveArtifact, stagePixels, waitForView, type ViewerPage } from "../helpers/e2e-browser.ts";
import { nodeSpot } from "../helpers/e2e-nodes.ts";
import { getJson, startFixtureServer, type FixtureServer } from "../helpers/fixture-server.ts";

const ACCOUNT = hexToRgb(NODE_STYLES.Account!.color);
/** Sigma's default doubleClickTimeout (the viewer keeps it): two clicks closer than this are a double click. */
const SIGMA_DOUBLE_CLICK_MS = 300;
const XSS_NAME = "<img src=x onerror=alert(1)>";

let server: FixtureServer;
let browser: Browser;
let rings: RingPage["rings"];
let totalRings: number;
/** Pages the running test opened; closed after it. */
const opened: ViewerPage[] = [];

async function open(path: string): Promise<ViewerPage> {
  const viewer = await openViewer(browser, `${server.url}${path}`);
  opened.push(viewer);
  return viewer;
}

/** The node the details panel shows, as a key: its kind, and its id without the marks after it. */
async function detailsKey(page: Page): Promise<string> {
  const kind = await page.locator(".node-details h2 .kind").textContent();
  const id = (await page.locator(".node-details > p.muted").textContent())!.replace(/^id /, "").split(" · ")[0];
  return `${kind}:${id}`;
}

/** Records when each click reaches the page, to tell how far apart two clicks landed. */
async function recordClicks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const times: number[] = [];
    (window as unknown as { __clicks: number[] }).__clicks = times;
    document.addEventListener("click", (event) => times.push(event.timeStamp), { capture: true });
  });
  return () => page.evaluate(() => (window as unknown as { __clicks: number[] }).__clicks);
}

/** The status line once an expansion has been answered, whatever it added. */
const expandedStatus = (page: Page) => page.locator("#status", { hasText: /added around|Nothing new around/ });

async function openTopRing(): Promise<Page> {
  const { page } = await open(`/?ring=${encodeURIComponent(rings[0]!.id)}`);
  await waitForView(page, `ring:${rings[0]!.id}`, { settled: true });
  return page;
}

beforeAll(async () => {
  expectClientBuilt();
  server = await startFixtureServer();
  browser = await launchBrowser();
  const page = (await getJson(`${server.url}/api/rings?limit=50`)).body as RingPage;
  rings = page.rings;
  totalRings = page.total;
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map(({ page }) => page.close()));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("viewer: ring list and ring graph", () => {
  it("lists the rings on the home page, highest score first, with level, score and size", async () => {
    const { page, errors } = await open("/");
    await waitForView(page, "home");
    await page.locator(".ring-item").first().waitFor();
    const first = page.locator(".ring-item").first();
    expect(await first.locator(".ring-id").textContent()).toBe(rings[0]!.id);
    expect(await first.locator(".badge").textContent()).toBe(rings[0]!.level.toUpperCase());
    expect(await first.locator(".ring-meta").textContent()).toContain(`${rings[0]!.size} accounts`);
    expect(await page.locator(".ring-item").count()).toBe(Math.min(totalRings, 50));
    await saveArtifact(page, "home.png");
    expect(errors).toEqual([]);
  });

  it("opening the top ring draws a canvas that is not blank and explains the score", async () => {
    const { page, errors } = await open("/");
    await page.locator(".ring-item").first().click();
    const state = await waitForView(page, `ring:${rings[0]!.id}`, { settled: true });
    expect(state.nodeCount).toBeGreaterThan(rings[0]!.size);
    expect(state.firstFrameAt).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get("ring")).toBe(rings[0]!.id);

    const pixels = await stagePixels(page, [ACCOUNT]);
    expect(pixels.drawn / pixels.total).toBeGreaterThan(0.01);
    expect(pixels.matches[0]).toBeGreaterThan(50);

    expect(await page.locator(".reasons .reason").count()).toBeGreaterThan(0);
    expect(await page.locator(".reasons .bar-fill").count()).toBe(await page.locator(".reasons .reason").count());
    if (rings[0]!.insiderCount > 0) expect(await page.locator(".insiders .insider").count()).toBe(rings[0]!.insiderCount);
    expect(await page.locator(".legend-kind").count()).toBeGreaterThanOrEqual(3);
    await saveArtifact(page, "ring.png");
    expect(errors).toEqual([]);
  });

  it("hovering a node dims the others, and clicking it shows its details", async () => {
    const page = await openTopRing();
    const spot = await nodeSpot(page, { kind: "Account" });
    const before = await stagePixels(page, [hexToRgb(DIMMED.node)]);
    await page.mouse.move(spot.x, spot.y);
    // Each try decodes a screenshot: a few tries, well spaced, within an explicit bound.
    await expect
      .poll(async () => (await stagePixels(page, [hexToRgb(DIMMED.node)])).matches[0], { timeout: 10_000, interval: 250 })
      .toBeGreaterThan(before.matches[0]! + 100);
    await saveArtifact(page, "ring-hover.png");

    await page.mouse.click(spot.x, spot.y);
    await page.locator(".node-details").waitFor();
    expect(await page.locator(".node-details h2 .kind").textContent()).toBe("Account");
    expect(await page.locator(".node-details > p.muted").textContent()).toContain(spot.key.slice("Account:".length));
    expect(await page.locator(".node-details .properties dt").count()).toBeGreaterThan(0);
    await page.locator(".node-details .refund-table tbody tr").first().waitFor();
    await saveArtifact(page, "ring-node-details.png");
  });

  it("expanding a hub brings in the other accounts that use it", async () => {
    const page = await openTopRing();
    const before = (await waitForView(page, `ring:${rings[0]!.id}`)).nodeCount;
    await page.locator(".hubs button").first().click();
    expect(await page.locator(".node-details h2 .kind").textContent()).toBe("Address");
    await page.locator("#toolbar").getByRole("button", { name: "Expand" }).click();
    // The status line says when the expansion's /neighbors answer has been merged.
    await expandedStatus(page).waitFor();
    expect(await page.locator("#status").textContent()).toMatch(/nodes? added around Address:/);
    expect(await page.evaluate(() => window.__ringlens.nodeCount)).toBeGreaterThan(before);
  });

  it("clicking one node and then another at once selects the second", async () => {
    const page = await openTopRing();
    const first = await nodeSpot(page, { kind: "Account" });
    const second = await nodeSpot(page, { kind: "Address" });
    const clicks = await recordClicks(page);
    // Back to back, no wait between: sigma takes the second click as a double click.
    await page.mouse.click(first.x, first.y);
    await page.mouse.click(second.x, second.y);
    const [a, b] = await clicks();
    expect(b! - a!, "the two clicks fell within sigma's double-click window").toBeLessThan(SIGMA_DOUBLE_CLICK_MS);
    await page.locator(".node-details").waitFor();
    expect(await detailsKey(page)).toBe(second.key);
  });

  it("double-clicking a node expands it", async () => {
    const page = await openTopRing();
    const before = (await waitForView(page, `ring:${rings[0]!.id}`)).nodeCount;
    const spot = await nodeSpot(page, { kind: "Address" });
    await page.mouse.dblclick(spot.x, spot.y);
    await expandedStatus(page).waitFor();
    expect(await page.locator("#status span").textContent()).toMatch(/^\d+ nodes? added around /);
    expect(await page.locator("#status span").textContent()).toContain(` added around ${spot.key}.`);
    expect(await page.evaluate(() => window.__ringlens.nodeCount)).toBeGreaterThan(before);
    expect(await detailsKey(page)).toBe(spot.key);
  });

  it("unfolding refunds adds the refund nodes to the canvas", async () => {
    const page = await openTopRing();
    const folded = (await waitForView(page, `ring:${rings[0]!.id}`)).nodeCount;
    await page.locator("#fold-refunds").uncheck();
    await expect.poll(async () => await page.evaluate(() => window.__ringlens.nodeCount)).toBe(folded + rings[0]!.refundCount);
    expect(await page.locator(".legend-kind", { hasText: "Refunds" }).count()).toBe(1);
  });
});

describe("viewer: deep links and history", () => {
  it("a deep link opens its ring, and back returns to it from a neighbourhood", async () => {
    const ring = rings[1]!;
    const { page } = await open(`/?ring=${encodeURIComponent(ring.id)}`);
    await waitForView(page, `ring:${ring.id}`);
    expect(await page.locator("#view-title").textContent()).toBe(`Ring ${ring.id}`);
    expect(await page.locator(`.ring-item[data-ring="${ring.id}"]`).getAttribute("aria-current")).toBe("true");
    await saveArtifact(page, "deep-link-ring.png");

    await page.locator(".members summary").click();
    await page.locator(".members tbody button").first().click();
    await page.locator(".node-details").waitFor();
    await page.getByRole("button", { name: "Open neighbourhood" }).click();
    await waitForView(page, "node:Account:");
    expect(new URL(page.url()).searchParams.get("node")).toMatch(/^Account:/);

    await page.goBack();
    await waitForView(page, `ring:${ring.id}`);
    expect(await page.locator("#view-title").textContent()).toBe(`Ring ${ring.id}`);
  });

  it("a deep link to an unknown ring shows the server's message", async () => {
    const { page } = await open("/?ring=R-does-not-exist");
    await waitForView(page, "ring:R-does-not-exist");
    expect(await page.locator("#status").textContent()).toContain("does not exist");
  });

  it("a deep link /?node=TYPE:ID opens that node, even one without relationships", async () => {
    const { page } = await open("/?node=Account:XSS1");
    await waitForView(page, "node:Account:XSS1");
    expect(await page.evaluate(() => window.__ringlens.nodeCount)).toBe(1);
    expect(await page.locator("#view-title").textContent()).toBe("Account XSS1 and its neighbours");
  });

  it("a deep link to a refund unfolds refunds and selects it", async () => {
    const { page } = await open("/?node=Refund:RF-RA01-0");
    await waitForView(page, "node:Refund:RF-RA01-0");
    await page.locator(".node-details").waitFor();
    expect(await page.locator(".node-details").textContent()).toContain("RF-RA01-0");
    expect(await page.locator("#fold-refunds").isChecked()).toBe(false);
  });
});

describe("viewer: search and untrusted text", () => {
  it("search finds an account whose name is HTML-ish and shows that name as text", async () => {
    const { page, dialogs } = await open("/");
    await waitForView(page, "home");
    await page.locator("#search-input").fill("xss");
    const hit = page.locator(".search-results .hit").first();
    await hit.waitFor();
    expect(await hit.locator(".hit-label").textContent()).toBe(XSS_NAME);
    await saveArtifact(page, "search.png");
    await hit.click();
    await waitForView(page, "node:Account:XSS1", { settled: true });
    expect(await page.locator(".node-details .node-label").textContent()).toBe(XSS_NAME);
    expect(await page.locator('.node-details .properties dt:text-is("name") + dd').textContent()).toBe(XSS_NAME);
    expect(await page.locator("body img").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await saveArtifact(page, "xss-as-text.png");
  });
});

describe("viewer: saved queries", () => {
  it("runs a saved query with a parameter and fills the table", async () => {
    const member = (await getJson(`${server.url}/api/rings/${encodeURIComponent(rings[0]!.id)}`)).body.members[0].id as string;
    const { page } = await open("/");
    await page.getByRole("tab", { name: "Saved queries" }).click();
    await page.locator('#query-picker option[value="accounts-sharing-identifiers"]').waitFor({ state: "attached" });
    await page.selectOption("#query-picker", "accounts-sharing-identifiers");
    await page.getByLabel(/accountId/).fill(member);
    await page.getByRole("button", { name: "Run query" }).click();
    await page.locator(".results-table tbody tr").first().waitFor();
    expect(await page.locator(".results-table thead th").allTextContents()).toContain("account");
    expect(await page.locator(".results-table tbody tr").count()).toBeGreaterThan(0);
    await saveArtifact(page, "query-table.png");
  });

  it("says which parameter is missing before asking the server", async () => {
    const { page } = await open("/");
    await page.getByRole("tab", { name: "Saved queries" }).click();
    await page.locator('#query-picker option[value="accounts-sharing-identifiers"]').waitFor({ state: "attached" });
    await page.selectOption("#query-picker", "accounts-sharing-identifiers");
    await page.getByRole("button", { name: "Run query" }).click();
    expect(await page.locator("#query-error").textContent()).toBe("accountId is required");
  });

  it("shows the server's message when it refuses a run", async () => {
    const { page } = await open("/");
    await page.getByRole("tab", { name: "Saved queries" }).click();
    await page.locator('#query-picker option[value="accounts-sharing-identifiers"]').waitFor({ state: "attached" });
    await page.selectOption("#query-picker", "accounts-sharing-identifiers");
    await page.getByLabel(/accountId/).fill("RB01");
    await page.getByLabel(/limit/).fill("-1");
    await page.getByRole("button", { name: "Run query" }).click();
    await page.locator("#query-error", { hasText: /limit/i }).waitFor();
    expect(await page.locator("#results").isHidden()).toBe(true);
  });

  it("draws a graph-shaped query on the canvas, its ring id taken from the open ring", async () => {
    const page = await openTopRing();
    await page.getByRole("tab", { name: "Saved queries" }).click();
    await page.locator('#query-picker option[value="ring-members-graph"]').waitFor({ state: "attached" });
    await page.selectOption("#query-picker", "ring-members-graph");
    expect(await page.getByLabel(/ringId/).inputValue()).toBe(rings[0]!.id);
    await page.getByRole("button", { name: "Run query" }).click();
    const state = await waitForView(page, "query:ring-members-graph", { settled: true });
    expect(state.nodeCount).toBeGreaterThan(rings[0]!.size);
    expect((await stagePixels(page, [ACCOUNT])).matches[0]).toBeGreaterThan(50);
    await saveArtifact(page, "query-graph.png");
  });
});

describe("viewer: exports and keyboard", () => {
  it("exports the members as CSV, the graph as JSON and the canvas as PNG", async () => {
    const page = await openTopRing();
    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name, exact: true }).click()]);
      return fs.readFileSync((await file.path())!);
    };
    const csv = (await download("CSV")).toString("utf8").trim().split("\r\n");
    expect(csv[0]).toBe("id,name,email,country,createdAt,refundCount,refundValue,role,note");
    expect(csv.length - 1).toBe(rings[0]!.size);

    const json = JSON.parse((await download("JSON")).toString("utf8"));
    expect(json.graph.nodes.length).toBe(await page.evaluate(() => window.__ringlens.nodeCount));

    const png = await download("PNG");
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.length).toBeGreaterThan(5_000);
  });

  it("opens a ring from the keyboard: skip link, Tab, Enter", async () => {
    const { page } = await open("/");
    await page.locator(".ring-item").first().waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("skip-link");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-ring"))).toBe(rings[0]!.id);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe("none");
    await page.keyboard.press("Enter");
    await waitForView(page, `ring:${rings[0]!.id}`);
  });
});
