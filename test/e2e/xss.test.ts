/**
 * Stored XSS: a data set whose every free-text field holds a payload (test/helpers/xss-fixture.ts)
 * is loaded, analysed and served for real, and every viewer surface that shows data is opened in
 * chromium: ring list, ring view (explanation, insiders, members, node details of every kind,
 * hover, unfolded refunds), exports, search, node deep links, server messages, saved-query tables.
 * The page ignores the server's CSP, so what is tested is the viewer's own escaping (the policy is
 * checked apart): after each surface no payload may have run, left an element, a handler or a
 * `javascript:` link behind, and the payloads must be on screen character for character.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FILE_KINDS, FILE_SPECS } from "../../server/ingest/file-specs.ts";
import type { RingPage } from "../../wire/wire-types.ts";
import { expectClientBuilt } from "../helpers/e2e-client-build.ts";
import { launchBrowser, openViewer, saveArtifact, waitForView, type ViewerPage } from "../helpers/e2e-browser.ts";
import { emptySpot, nodeSpot } from "../helpers/e2e-nodes.ts";
import { getJson, startFixtureServer, type FixtureServer } from "../helpers/fixture-server.ts";
import { tempDir } from "../helpers/temp-dir.ts";
import { COVERAGE, writeXssFixture, type XssFixture } from "../helpers/xss-fixture.ts";
import { IMG_PREFIX, PAYLOADS } from "../helpers/xss-payloads.ts";
import { expectNoTraces } from "../helpers/xss-traces.ts";

const DATA = path.join(tempDir("ringlens-xss-"), "data");
const MARKS = / · (suspected insider|hub|ring member)(?: · .*)?$/;

let fixture: XssFixture;
let server: FixtureServer;
let browser: Browser;
let viewer: ViewerPage;
let page: Page;
let ringId: string;

const byKind = (kind: string) => [...fixture.properties.entries()].filter(([key]) => key.startsWith(`${kind}:`));
const idOf = (key: string) => key.slice(key.indexOf(":") + 1);
const account = (id: string) => fixture.rows.accounts.find((a) => a.account_id === id)!;

async function visit(search: string, view: string, settled = false): Promise<void> {
  await page.goto(`${server.url}/${search}`);
  await waitForView(page, view, { settled });
}

/** The ring view with its layout settled, optionally with the members list opened. */
async function visitRing(options: { members?: boolean } = {}): Promise<void> {
  await visit(`?ring=${ringId}`, `ring:${ringId}`, true);
  if (options.members) {
    await page.locator(".members summary").click();
    await page.locator(".members[open] tbody tr").first().waitFor();
  }
}

/** Waits until the details panel's refunds have been fetched and shown, then reads their rows. */
async function refundRows(): Promise<string[]> {
  await page.locator(".node-details section.refunds:not([aria-busy])").waitFor();
  return page.locator(".node-details .refund-table tbody tr td:first-child").allTextContents();
}

/** The label the API gives a node (server/queries/to-wire-graph.ts), from the fixture's values. */
function expectedLabel(kind: string, id: string, props: Record<string, string>): string {
  if (kind === "Account" || kind === "Employee") return props.name!;
  if (kind === "Address") return [props.line1, props.city, props.country].join(", ");
  if (kind === "Refund") return `${props.item} 1299 ${props.currency}`;
  return id;
}

/** The details panel shows a node of `kind`; its id, label and every payload property read exactly as stored. */
async function expectDetails(kind: string, surface: string): Promise<string> {
  const details = page.locator(".node-details");
  await expect.poll(() => details.locator("h2 .kind").textContent({ timeout: 5_000 }), { message: surface, timeout: 10_000 }).toBe(kind);
  const id = (await page.locator(".node-details > p.muted").textContent())!.replace(/^id /, "").replace(MARKS, "");
  if (kind === "Phone") {
    expect(id, surface).toMatch(/^\+\d+$/);
  } else {
    const props = fixture.properties.get(`${kind}:${id}`);
    expect(props, `${surface}: the panel shows id ${id}, which is no ${kind} of the fixture`).toBeDefined();
    expect(await details.locator(".node-label").textContent(), surface).toBe(expectedLabel(kind, id, props!));
    const shown = Object.fromEntries(
      await details.locator(".properties dt").evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])),
    );
    for (const [name, value] of Object.entries(props!)) expect(shown[name], `${surface}: ${name}`).toBe(value);
  }
  return id;
}

/**
 * Hovers, then clicks, a node of `kind` chosen by key where no other node overlaps it; returns
 * its key. Sigma draws labels, hover labels included, on its own canvas: hovering must add
 * nothing to the DOM.
 */
async function hoverAndClick(kind: string): Promise<string> {
  // Off every node first, so nothing stays hovered from the last step.
  const off = await emptySpot(page);
  await page.mouse.move(off.x, off.y);
  const spot = await nodeSpot(page, { kind });
  await page.mouse.move(spot.x, spot.y);
  await expectNoTraces(viewer, `${kind} hovered`);
  await page.mouse.click(spot.x, spot.y);
  return spot.key;
}

async function download(label: string): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.locator("#toolbar").getByRole("button", { name: label, exact: true }).click(),
  ]);
  return { file, text: fs.readFileSync((await file.path())!, "utf8") };
}

async function runQuery(name: string, params: Record<string, string> = {}): Promise<void> {
  // Close the last result first, so the rows waited for below are this query's.
  if (await page.locator("#results").isVisible()) await page.getByRole("button", { name: "Close the results" }).click();
  await page.getByRole("tab", { name: "Saved queries" }).click();
  await page.locator(`#query-picker option[value="${name}"]`).waitFor({ state: "attached" });
  await page.selectOption("#query-picker", name);
  for (const [param, value] of Object.entries(params)) await page.getByLabel(new RegExp(`^${param}`)).fill(value);
  await page.getByRole("button", { name: "Run query" }).click();
  await page.locator(".results-table tbody tr").first().waitFor();
}

/** Cell texts of the result table, one record per row keyed by column. */
async function resultRows(): Promise<Record<string, string>[]> {
  const head = await page.locator(".results-table thead th").allTextContents();
  const rows = await page
    .locator(".results-table tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? "")));
  return rows.map((cells) => Object.fromEntries(head.map((h, i) => [h, cells[i]!])));
}

beforeAll(async () => {
  expectClientBuilt();
  fixture = writeXssFixture(DATA);
  [server, browser] = await Promise.all([startFixtureServer({ fixture: DATA }), launchBrowser()]);
  ringId = ((await getJson(`${server.url}/api/rings`)).body as RingPage).rings[0]!.id;
});

// Each test gets a page of its own, so none starts from another's state, errors or dialogs;
// each visits what it checks.
beforeEach(async () => {
  viewer = await openViewer(browser, "about:blank", { bypassCSP: true });
  page = viewer.page;
});

afterEach(async () => {
  await page?.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("stored XSS: the fixture and the server", () => {
  it("classifies every column of the input format, loads every hostile row and finds the ring", async () => {
    for (const kind of FILE_KINDS) {
      expect(Object.keys(COVERAGE[kind]).sort(), kind).toEqual(FILE_SPECS[kind].map((c) => c.name).sort());
      for (const [column, role] of Object.entries(COVERAGE[kind])) {
        if (role.startsWith("payload"))
          expect(
            fixture.rows[kind].some((r) => /__xss/i.test(r[column]!)),
            `${kind}.${column}`,
          ).toBe(true);
      }
    }
    expect(server.imported.files.map((f) => [f.kind, f.rejected, f.placeholders])).toEqual(FILE_KINDS.map((k) => [k, 0, 0]));
    const rings = (await getJson(`${server.url}/api/rings`)).body as RingPage;
    expect(rings.rings.map((r) => [r.size, r.insiderCount, r.noReturnShare])).toEqual([[4, 1, 1]]);
  });

  it("serves the viewer with a Content-Security-Policy that forbids inline script", async () => {
    const csp = (await fetch(`${server.url}/`)).headers.get("content-security-policy");
    expect(csp).toMatch(/script-src 'self'.*script-src-attr 'none'/);
  });
});

describe("stored XSS: ring list and ring view", () => {
  it("ring list: the ring's countries are shown as text", async () => {
    await visit("", "home");
    const meta = page.locator(`.ring-item[data-ring="${ringId}"] .ring-meta`);
    const text = await meta.textContent();
    for (const a of fixture.accounts) expect(text).toContain(account(a).country);
    await expectNoTraces(viewer, "ring list");
  });

  it("ring view: facts, insider and members read as the raw payloads", async () => {
    await visitRing({ members: true });
    const facts = await page.locator(".ring-facts").textContent();
    for (const a of fixture.accounts) expect(facts).toContain(account(a).country);

    const insider = page.locator(".insiders .insider");
    const employee = fixture.properties.get(`Employee:${fixture.insider}`)!;
    expect(await insider.locator("button").textContent()).toBe(employee.name);
    expect(await page.locator(".insiders .insider > span.muted").textContent()).toBe(` ${fixture.insider}`);

    const members = await page
      .locator(".members tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 3).map((td) => td.textContent)));
    expect(members.sort()).toEqual(fixture.accounts.map((id) => [id, account(id).name, account(id).country]).sort());
    await expectNoTraces(viewer, "ring explanation");
  });

  it("ring view: each member's and the insider's details, with their refunds", async () => {
    await visitRing({ members: true });
    const buttons = page.locator(".members tbody button");
    expect(await buttons.count()).toBe(fixture.accounts.length);
    for (let i = 0; i < fixture.accounts.length; i++) {
      await buttons.nth(i).click();
      const id = await expectDetails("Account", `member ${i}`);
      const refunds = fixture.rows.refunds.filter((f) => f.account_id === id);
      expect((await refundRows()).sort(), `member ${i}'s refunds`).toEqual(refunds.map((f) => `${f.item} ${f.category}`).sort());
    }
    await page.locator(".insiders .insider button").click();
    await expectDetails("Employee", "insider");
    expect(await refundRows(), "the insider's refunds").toHaveLength(12);
    await saveArtifact(page, "xss-ring.png");
    await expectNoTraces(viewer, "account and employee details");
  });

  it("ring view: identifier and support-contact nodes hovered and clicked on the canvas", async () => {
    await visitRing();
    for (const kind of ["Address", "Device", "Email", "Phone", "Payment", "IP", "Contact", "Handle"]) {
      const key = await hoverAndClick(kind);
      expect(await expectDetails(kind, `${kind} clicked`)).toBe(idOf(key));
      await expectNoTraces(viewer, `${kind} details`);
    }
  });

  it("ring view: unfolded refunds and their details", async () => {
    await visitRing();
    const folded = await page.evaluate(() => window.__ringlens.nodeCount);
    await page.locator("#fold-refunds").uncheck();
    await expect.poll(() => page.evaluate(() => window.__ringlens.nodeCount)).toBe(folded + 12);
    // The layout restarts after unfolding; nodeSpot waits for it to stop.
    const key = await hoverAndClick("Refund");
    expect(await expectDetails("Refund", "refund clicked")).toBe(idOf(key));
    await expectNoTraces(viewer, "refund details");
  });

  it("exports: the members CSV and the graph JSON carry the raw text", async () => {
    await visitRing();
    const csv = parse((await download("CSV")).text, { columns: true }) as Record<string, string>[];
    expect(csv.map((m) => [m.id, m.name, m.email, m.country]).sort()).toEqual(
      fixture.accounts.map((id) => [id, account(id).name, account(id).email, account(id).country]).sort(),
    );
    const json = JSON.parse((await download("JSON")).text) as { graph: { nodes: { key: string; attributes: { label: string } }[] } };
    for (const [key, props] of byKind("Account")) {
      expect(json.graph.nodes.find((n) => n.key === key)?.attributes.label).toBe(props.name);
    }
    await expectNoTraces(viewer, "exports");
  });
});

describe("stored XSS: search, deep links and messages", () => {
  it("search: hits for a payload prefix list labels and ids as text", async () => {
    await visit("", "home");
    // Started before typing: the search goes out after the box's pause.
    const searched = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/search");
    await page.locator("#search-input").fill(IMG_PREFIX);
    const expected = [
      ...fixture.accounts.map((id) => ["Account", account(id).name, id]),
      ["Device", fixture.device, null],
      ...byKind("Employee").map(([key, p]) => ["Employee", p.name, idOf(key)]),
      ["Address", fixture.properties.get(`Address:${fixture.address}`)!.line1, fixture.address],
      // Identifier nodes are found by their id (payment ids case-insensitively); their label is the id.
      ...["Email", "Payment", "IP"].flatMap((kind) =>
        byKind(kind)
          .map(([key]) => idOf(key))
          .filter((id) => id.toLowerCase().startsWith(IMG_PREFIX.toLowerCase()))
          .map((id) => [kind, id, null]),
      ),
    ];
    expect((await searched).ok()).toBe(true);
    // aria-busy stays on the results until the latest search's hits are shown.
    await page.locator(".search-results:not([aria-busy]) ul").waitFor();
    expect(await page.locator(".search-results .hit").count()).toBe(expected.length);
    const hits = await page
      .locator(".search-results .hit")
      .evaluateAll((buttons) =>
        buttons.map((b) => [
          b.querySelector(".kind")!.textContent,
          b.querySelector(".hit-label")!.textContent,
          b.querySelector(".hit-id")?.textContent ?? null,
        ]),
      );
    expect(hits.sort()).toEqual(expected.sort());
    await expectNoTraces(viewer, "search results");

    await page.locator(".search-results .hit", { has: page.locator(".kind", { hasText: "Device" }) }).click();
    await waitForView(page, `node:Device:${fixture.device}`);
    expect(new URL(page.url()).searchParams.get("node")).toBe(`Device:${fixture.device}`);
    expect(await page.locator("#view-title").textContent()).toBe(`Device ${fixture.device} and its neighbours`);
    await expectDetails("Device", "device picked in search");
    await expectNoTraces(viewer, "device from search");
  });

  it("deep links /?node=TYPE:ID open nodes whose ids are payloads", async () => {
    // No Refund: the neighbourhood opens with refunds folded into their account, so a refund's
    // own deep link selects nothing; its details were checked in the ring view.
    // Ids with &lt; and & (account), "><svg (address: its country part), ' (email) and javascript: (card);
    // employees, IPs and the device were opened from the ring view and the search already.
    const keys = [
      `Account:${fixture.accounts[3]}`,
      `Address:${fixture.address}`,
      `Email:${account(fixture.accounts[0]!).email}`,
      `Payment:${fixture.payment}`,
    ];
    for (const key of keys) {
      const kind = key.slice(0, key.indexOf(":"));
      await visit(`?node=${encodeURIComponent(key)}`, `node:${key}`);
      expect(await page.locator("#view-title").textContent()).toBe(`${kind} ${idOf(key)} and its neighbours`);
      expect(await expectDetails(kind, key)).toBe(idOf(key));
      await expectNoTraces(viewer, `deep link ${key}`);
    }
    // The JSON export's file name comes from the view, here an id full of markup.
    const { file } = await download("JSON");
    expect(file.suggestedFilename()).toMatch(/^[A-Za-z0-9._-]+\.json$/);
  });

  it("server and status messages quote payload ids as text", async () => {
    const missing = `Device:${PAYLOADS.script("missing.device")}`;
    await visit(`?node=${encodeURIComponent(missing)}`, `node:${missing}`);
    expect(await page.locator("#status span").textContent()).toBe(`Device ${idOf(missing)} does not exist`);
    await expectNoTraces(viewer, "not-found message");

    await visit(`?node=${encodeURIComponent(`Device:${fixture.device}`)}`, `node:Device:${fixture.device}`);
    await page.locator("#toolbar").getByRole("button", { name: "Expand" }).click();
    // The status line says when the expansion's /neighbors answer has been merged.
    await page.locator("#status", { hasText: /added around|Nothing new around/ }).waitFor();
    expect(await page.locator("#status span").textContent()).toContain(`around Device:${fixture.device}.`);
    await expectNoTraces(viewer, "expand message");
  });
});

describe("stored XSS: saved query tables", () => {
  it("table queries show names, teams, device ids, countries and IPs as text", async () => {
    await visit("", "home");
    await runQuery("suspected-insiders");
    const employee = fixture.properties.get(`Employee:${fixture.insider}`)!;
    expect((await resultRows()).map((r) => [r.employee, r.name, r.team])).toEqual([[fixture.insider, employee.name, employee.team]]);
    await expectNoTraces(viewer, "suspected-insiders table");

    await runQuery("devices-shared");
    const [device] = await resultRows();
    expect([device!.device, device!.lastIp]).toEqual([fixture.device, fixture.properties.get(`Device:${fixture.device}`)!.ip]);
    for (const id of fixture.accounts) expect(device!.countries).toContain(account(id).country);
    await expectNoTraces(viewer, "devices-shared table");
  });

  it("a graph query's table shows nodes as text buttons that select them", async () => {
    await visit("", "home");
    await runQuery("ring-members-graph", { ringId });
    await waitForView(page, "query:ring-members-graph");
    const accounts = page.locator(".results-table tbody button", { hasText: /^Account / });
    const texts = new Set(await accounts.allTextContents());
    expect([...texts].sort()).toEqual(fixture.accounts.map((id) => `Account ${id} (${account(id).name})`).sort());
    await accounts.first().click();
    await expectDetails("Account", "account from the query table");
    await expectNoTraces(viewer, "ring-members-graph table");
  });
});
