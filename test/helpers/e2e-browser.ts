/**
 * Browser side of the viewer's end-to-end tests: Debian's chromium through playwright-core
 * (WebGL2 via SwiftShader), a page that records console errors and dialogs, waits on
 * `window.__ringlens`, pixel checks on the canvas and screenshots into test/artifacts/.
 * Imports playwright-core only; knows nothing of the server.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import type { RinglensHook } from "../../client/src/app/test-hook.ts";

export const CHROMIUM = "/usr/bin/chromium";
export const ARTIFACTS = path.resolve(import.meta.dirname, "../artifacts");

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`e2e: ${CHROMIUM} is missing; install it with \`apt-get install -y chromium\``);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

export interface ViewerPage {
  page: Page;
  /** Uncaught exceptions and console errors other than failed resource loads. */
  errors: string[];
  /** Messages of any alert/confirm/prompt: an injected script would show up here. */
  dialogs: string[];
}

export interface OpenOptions {
  /**
   * Ignore the server's Content-Security-Policy, so that a test of the viewer's own escaping
   * sees injected script run instead of having the policy hide the hole.
   */
  bypassCSP?: boolean;
}

export async function openViewer(browser: Browser, url: string, options: OpenOptions = {}): Promise<ViewerPage> {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    bypassCSP: options.bypassCSP ?? false,
  });
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
  });
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url);
  return { page, errors, dialogs };
}

export function hook(page: Page): Promise<RinglensHook> {
  return page.evaluate(() => ({ ...window.__ringlens }));
}

/** Waits until the view named `view` (or starting with it, if it ends with ":") is ready. */
export async function waitForView(page: Page, view: string, options: { settled?: boolean } = {}): Promise<RinglensHook> {
  await page.waitForFunction(
    ({ view, settled }) => {
      const h = window.__ringlens;
      const named = view.endsWith(":") ? h.view.startsWith(view) : h.view === view;
      return named && h.ready && (!settled || h.layoutSettledAt !== undefined);
    },
    { view, settled: options.settled ?? false },
    { timeout: 30_000 },
  );
  return hook(page);
}

export async function saveArtifact(target: Page | Locator, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await target.screenshot({ path: path.join(ARTIFACTS, name) });
}

export { hexToRgb, stagePixels } from "./e2e-pixels.ts";
