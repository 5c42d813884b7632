/**
 * Pixel checks on the graph canvas for the end-to-end tests: a screenshot of the stage is
 * decoded inside the page (no image library needed in Node) to count what was drawn, and what
 * was drawn in given colours. To point at a node, use e2e-nodes.ts (by key), never a colour.
 */
import type { Page } from "playwright-core";

export type Rgb = [number, number, number];

export interface StagePixels {
  total: number;
  /** Pixels that are not the white background. */
  drawn: number;
  /** Pixels within a small distance of each colour asked for. */
  matches: number[];
}

/** Counts drawn pixels on the stage, and pixels close to each of `colours`. */
export async function stagePixels(page: Page, colours: Rgb[] = []): Promise<StagePixels> {
  const png = (await page.locator("#stage").screenshot()).toString("base64");
  return page.evaluate(
    async ({ png, colours }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
      const near = (i: number, [r, g, b]: number[]) =>
        Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 24;
      const matches = colours.map(() => 0);
      let drawn = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i]! < 245 || data[i + 1]! < 245 || data[i + 2]! < 245) drawn++;
        colours.forEach((rgb, k) => {
          if (near(i, rgb)) matches[k]!++;
        });
      }
      return { total: width * height, drawn, matches };
    },
    { png, colours },
  );
}

/** "#0072B2" → [0, 114, 178]. */
export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
