/**
 * The investigation in a real browser: an analyst opens a case on a ring from its panel, finds
 * it with the ring list's case filter, and after a re-import and re-analysis (through the API)
 * reads the alert inbox, opens the ring the alert names (the case followed it) and the account,
 * and acknowledges the alert; prints the case file; brushes the time bar. Screenshots (and the
 * case file's PDF) go to test/artifacts/.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectClientBuilt } from "../helpers/e2e-client-build.ts";
import { launchBrowser, openViewer, saveArtifact, waitForView, type ViewerPage } from "../helpers/e2e-browser.ts";
import { getJson, postJson, startFixtureServer, waitForJob, type FixtureServer } from "../helpers/fixture-server.ts";

const ANALYST = "analyst-token-0123456789abcdef";
const ADMIN = "admin-token-fedcba9876543210";

let server: FixtureServer;
let browser: Browser;
let root: string;
let ringId: string;
const opened: ViewerPage[] = [];

const ringOf = async (account: string) =>
  (await getJson(`${server.url}/api/search?q=${account}`)).body.hits.find((h: { id: string }) => h.id === account).ringId as string;

beforeAll(async () => {
  expectClientBuilt();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "ringlens-e2e-case-"));
  fs.mkdirSync(path.join(root, "back"));
  fs.writeFileSync(path.join(root, "back", "accounts.csv"), "account_id,country\nNX01,DE\n");
  fs.writeFileSync(path.join(root, "back", "devices.csv"), "account_id,device_id\nNX01,dev-r1a\n");
  server = await startFixtureServer({
    config: {
      tokens: [
        { name: "ana", role: "analyst", token: ANALYST },
        { name: "ops", role: "admin", token: ADMIN },
      ],
      importRoot: root,
    },
  });
  browser = await launchBrowser();
  ringId = await ringOf("RA01");
});

afterAll(async () => {
  await Promise.all(opened.map(({ page }) => page.close()));
  await browser?.close();
  await server?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("viewer: the case panel, the case filter and the alert inbox", () => {
  it("opens a case on a ring with status, assignee and note, and shows its history", async () => {
    const viewer = await openViewer(browser, `${server.url}/?ring=${encodeURIComponent(ringId)}`);
    opened.push(viewer);
    const { page } = viewer;
    await waitForView(page, `ring:${ringId}`);
    const panel = page.locator(".case-panel");
    await expect(panel.textContent()).resolves.toContain("No case yet.");
    await panel.locator("select[name=status]").selectOption("confirmed");
    await panel.locator("input[name=assignee]").fill("ana");
    await panel.locator("textarea[name=note]").fill("Drop address in Newark; handed to LKA NRW");
    await panel.locator("input[name=token]").fill(ANALYST);
    await panel.locator("input[name=token]").dispatchEvent("change");
    await panel.locator("button[type=submit]").click();
    await page.waitForSelector(".case-panel form[data-saved]");
    expect(await panel.locator("h3 .badge").textContent()).toBe("confirmed");
    expect(await panel.locator(".case-notes").textContent()).toContain("handed to LKA NRW");
    expect(await panel.locator(".case-history li").allTextContents()).toEqual([expect.stringMatching(/ana open → confirmed/)]);
    await saveArtifact(page.locator("#details"), "case-panel.png");
    expect(viewer.errors).toEqual([]);

    // The ring list, filtered by case status, holds this ring alone.
    await page.locator("form.filters select[name=caseStatus]").selectOption("confirmed");
    await page.waitForFunction(
      (id) => {
        const items = [...document.querySelectorAll("#ring-list .ring-item")];
        return items.length === 1 && items[0]!.getAttribute("data-ring") === id;
      },
      ringId,
      { timeout: 15_000 },
    );
  });

  it("lists the alert for an account that came back, links to the ring the case followed and to the account, and acknowledges it", async () => {
    const imported = await postJson(`${server.url}/api/import`, { folder: "back" }, { authorization: `Bearer ${ADMIN}` });
    expect((await waitForJob(server, imported.body)).status).toBe("succeeded");
    const analysed = await postJson(`${server.url}/api/analyze`, { hubThreshold: 10 }, { authorization: `Bearer ${ADMIN}` });
    expect((await waitForJob(server, analysed.body)).status).toBe("succeeded");
    const grown = await ringOf("NX01");

    const viewer = await openViewer(browser, `${server.url}/`);
    opened.push(viewer);
    const { page } = viewer;
    await waitForView(page, "home");
    await page.locator("#tab-alerts").click();
    await page.waitForSelector("#alert-panel[data-count='2']");
    const back = page.locator(".alert-item.alert-linked-to-confirmed");
    expect(await back.locator("p").textContent()).toMatch(/account NX01 links to confirmed ring .* through Device dev-r1a/);
    await saveArtifact(page.locator("nav.panel.left"), "alert-inbox.png");

    await back.locator("button.open-ring").click();
    await waitForView(page, `ring:${grown}`);
    const panel = page.locator(".case-panel");
    expect(await panel.locator("h3 .badge").textContent()).toBe("confirmed");
    expect(await panel.locator(".lineage").textContent()).toBe(`Grew by 1 since the previous analysis (was ${ringId}): NX01 joined.`);
    expect(await panel.locator(".case-history li").last().textContent()).toContain(`analysis followed its ring to ${grown}`);
    await saveArtifact(page.locator("#details"), "case-followed.png");

    await page.locator("#tab-alerts").click();
    await page.waitForSelector("#alert-panel[data-count='2']");
    await back.locator("button.open-account").click();
    await waitForView(page, "node:Account:NX01");

    await page.locator("#tab-alerts").click();
    await page.waitForSelector("#alert-panel[data-count='2']");
    await page.locator("#alert-panel input[name=token]").fill(ANALYST);
    await page.locator("#alert-panel input[name=token]").dispatchEvent("change");
    await back.locator("button.acknowledge").click();
    await page.waitForSelector("#alert-panel[data-count='1']");
    expect(await page.locator(".alert-item").count()).toBe(1);
    expect(viewer.errors).toEqual([]);
  });

  it("prints a case file with the summary, reasons, members, shared identifiers, refunds timeline, insiders, graph image and history", async () => {
    const grown = await ringOf("NX01");
    const viewer = await openViewer(browser, `${server.url}/?ring=${encodeURIComponent(grown)}`);
    opened.push(viewer);
    const { page } = viewer;
    await waitForView(page, `ring:${grown}`, { settled: true });
    await page.locator(".case-panel button.case-file-button").click();
    await page.waitForSelector(`#case-file[data-ready='${grown}']`);
    const file = page.locator("#case-file .case-file");
    expect(await file.locator("h1").textContent()).toBe(`Case file: ring ${grown}`);
    expect(await file.locator("h2").allTextContents()).toEqual([
      "Case",
      "Why this ring",
      "Members",
      "Shared identifiers",
      "Refunds timeline",
      "Suspected insiders",
      "Graph",
      "Case history",
    ]);
    expect(await file.textContent()).toContain("confirmed, assigned to ana");
    expect(await file.locator(".case-file-shared").textContent()).toContain("dev-r1a");
    expect(await file.locator(".case-file-timeline .month").count()).toBeGreaterThan(0);
    expect(await file.locator(".case-file-history tbody tr").allTextContents()).toEqual([
      expect.stringContaining("case.open"),
      expect.stringContaining("case.followed"),
      expect.stringContaining("alert.acknowledge"),
    ]);
    // The graph image is the canvas as drawn: a PNG that decodes to the canvas' size.
    const size = await file.locator(".case-file-graph img").evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return { width: img.naturalWidth, src: img.src.slice(0, 22) };
    });
    expect(size.src).toBe("data:image/png;base64,");
    expect(size.width).toBeGreaterThan(100);
    // On screen it covers the app; on paper it is alone, without its buttons: the PDF is what the browser prints.
    expect(await page.evaluate(() => document.elementFromPoint(700, 450)?.closest("#case-file") !== null)).toBe(true);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("main.layout").isVisible()).toBe(false);
    expect(await page.locator(".case-file-actions").isVisible()).toBe(false);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    fs.mkdirSync(path.join(import.meta.dirname, "../artifacts"), { recursive: true });
    fs.writeFileSync(path.join(import.meta.dirname, "../artifacts/case-file.pdf"), pdf);
    await page.emulateMedia({ media: "screen" });
    await saveArtifact(page, "case-file.png");
    await page.locator(".case-file-actions button.close").click();
    expect(await page.locator("#case-file").isVisible()).toBe(false);
    expect(viewer.errors).toEqual([]);
  });

  it("filters the graph and the member table to a window brushed on the time bar", async () => {
    const grown = await ringOf("NX01");
    const viewer = await openViewer(browser, `${server.url}/?ring=${encodeURIComponent(grown)}`);
    opened.push(viewer);
    const { page } = viewer;
    await waitForView(page, `ring:${grown}`, { settled: true });
    const onScreen = () => page.evaluate(() => window.__ringlensNodes().map((n) => n.key));
    const members = () => page.locator("details.members summary").textContent();
    expect(await page.locator("#time-bar .time-day").count()).toBe(3);
    expect(await onScreen()).toContain("Account:NX01");
    expect(await members()).toBe("Members (7)");

    // Typed: one day. NX01 asked for no refund then, so it leaves the graph and the table.
    await page.locator("#time-bar input[name=from]").fill("2024-03-10");
    await page.locator("#time-bar input[name=to]").fill("2024-03-10");
    await page.locator("#time-bar input[name=to]").dispatchEvent("change");
    await page.waitForSelector("#time-bar[data-window='2024-03-10..2024-03-10']");
    expect(await onScreen()).not.toContain("Account:NX01");
    expect(await onScreen()).toContain("Account:RA01");
    expect(await members()).toBe("Members (6)");
    await saveArtifact(page, "time-bar.png");

    // Brushed: press on the first day, release on the second.
    const days = page.locator("#time-bar .time-day");
    const first = (await days.nth(0).boundingBox())!;
    const second = (await days.nth(1).boundingBox())!;
    await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
    await page.mouse.down();
    await page.mouse.move(second.x + second.width / 2, second.y + second.height / 2, { steps: 4 });
    await page.mouse.up();
    await page.waitForSelector("#time-bar[data-window='2024-03-10..2024-03-11']");
    expect(await days.nth(2).getAttribute("class")).toContain("outside");

    await page.locator("#time-bar button", { hasText: "All time" }).click();
    await page.waitForSelector("#time-bar[data-window='']");
    expect(await onScreen()).toContain("Account:NX01");
    expect(await members()).toBe("Members (7)");
    expect(viewer.errors).toEqual([]);
  });
});
