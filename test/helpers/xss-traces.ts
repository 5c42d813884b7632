/**
 * What a stored-XSS payload would leave in the viewer's page if it were ever parsed as markup:
 * its `window.__xss` mark, an element with an inline handler, an image or frame, a script
 * other than the viewer's bundle, a link that runs script. Collected in the page, asserted in
 * Node; a surface is clean when all of it is empty and no dialog was opened.
 */
import { expect } from "vitest";
import type { ViewerPage } from "./e2e-browser.ts";

export interface PageTraces {
  xss: unknown;
  /** Elements carrying an inline event handler attribute (the viewer itself only uses addEventListener). */
  handlers: string[];
  /** img, iframe, object, embed, frame elements, and script elements other than the viewer's bundle. */
  foreign: string[];
  /** Elements whose href would run script. */
  scriptLinks: string[];
}

/** Runs inside the page (page.evaluate serialises it), so it must not close over anything. */
function collectTraces(): PageTraces {
  const describe = (el: Element) => el.outerHTML.slice(0, 120);
  const all = [...document.querySelectorAll("*")];
  const bundle = (el: Element) => el instanceof HTMLScriptElement && el.src.startsWith(`${location.origin}/assets/`);
  return {
    xss: (window as unknown as { __xss?: unknown }).__xss,
    handlers: all.filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith("on"))).map(describe),
    foreign: all.filter((el) => /^(img|iframe|object|embed|frame|frameset|script)$/i.test(el.tagName) && !bundle(el)).map(describe),
    // data: counts on links only: the page's own favicon is an empty data: URL.
    scriptLinks: all
      .filter((el) => {
        const href = el.getAttribute("href") ?? el.getAttribute("xlink:href") ?? "";
        return /^\s*(javascript|vbscript):/i.test(href) || (/^(a|area)$/i.test(el.tagName) && /^\s*data:/i.test(href));
      })
      .map(describe),
  };
}

/** No payload ran or left markup behind, no dialog opened, no script error, on the page as it is now. */
export async function expectNoTraces(viewer: ViewerPage, surface: string): Promise<void> {
  const traces = await viewer.page.evaluate(collectTraces);
  expect(traces, surface).toEqual({ xss: undefined, handlers: [], foreign: [], scriptLinks: [] });
  expect(viewer.dialogs, surface).toEqual([]);
  expect(viewer.errors, surface).toEqual([]);
}
