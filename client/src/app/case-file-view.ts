/**
 * Shows the case file of a ring over the app (on paper the app is hidden, so the browser's
 * print holds the case file alone) and closes it again. The graph image is the canvas as
 * drawn, when the ring is the one on it. Announces `data-ready="<ring id>"` on its host.
 */
import type { Api } from "../api/api-client.ts";
import { canvasPng } from "../export/export-png.ts";
import { renderCaseFile } from "../ui/case-file.ts";
import { replaceChildren } from "../ui/dom.ts";
import type { Scene } from "./graph-scene.ts";

const dataUrl = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });

export function caseFileView(host: HTMLElement, api: Api, scene: Scene, shownRing: () => string | null) {
  const close = () => {
    host.hidden = true;
    host.removeAttribute("data-ready");
    replaceChildren(host);
    document.body.classList.remove("case-file-open");
  };
  return {
    async open(ringId: string): Promise<void> {
      const [ring, wire] = await Promise.all([api.ring(ringId), api.ringGraph(ringId)]);
      const renderer = scene.renderer();
      const image = renderer && shownRing() === ringId ? await dataUrl(await canvasPng(renderer.sigma)) : null;
      replaceChildren(host, renderCaseFile(ring, wire, image, close));
      host.hidden = false;
      document.body.classList.add("case-file-open");
      host.setAttribute("data-ready", ringId);
      host.scrollTop = 0;
    },
    close,
  };
}
