/**
 * Pixel checks on the graph canvas for the end-to-end tests: a screenshot of the stage is
 * decoded inside the page (no image library needed in Node) to count what was drawn and to
 * find a spot well inside a node of a given colour, so a test can hover or click it.
 */
import type { Page } from "playwright-core";

export type Rgb = [number, number, number];

export interface StagePixels {
  total: number;
  /** Pixels that are not the white background. */
  drawn: number;
  /** Pixels within a small distance of each colour asked for. */
  matches: number[];
  /** A point `radius` pixels inside a shape of the first colour, in stage coordinates. */
  inside: { x: number; y: number } | null;
}

async function analyse(page: Page, colours: Rgb[], radius: number): Promise<StagePixels> {
  const png = (await page.locator("#stage").screenshot()).toString("base64");
  return page.evaluate(
    async ({ png, colours, radius }) => {
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
      let inside: { x: number; y: number } | null = null;
      const first = colours[0];
      const at = (x: number, y: number) => first !== undefined && near((y * width + x) * 4, first);
      for (let y = radius; y < height - radius && !inside; y += 2) {
        for (let x = radius; x < width - radius; x += 2) {
          if (at(x, y) && at(x - radius, y) && at(x + radius, y) && at(x, y - radius) && at(x, y + radius)) {
            inside = { x, y };
            break;
          }
        }
      }
      return { total: width * height, drawn, matches, inside };
    },
    { png, colours, radius },
  );
}

/** Counts drawn pixels on the stage, and pixels close to each of `colours`. */
export function stagePixels(page: Page, colours: Rgb[] = []): Promise<StagePixels> {
  return analyse(page, colours, 4);
}

/** Page coordinates of a point `radius` pixels inside a shape of colour `rgb`, or null. */
export async function findNodePixel(page: Page, rgb: Rgb, radius = 4): Promise<{ x: number; y: number } | null> {
  const box = await page.locator("#stage").boundingBox();
  const { inside } = await analyse(page, [rgb], radius);
  return inside && box ? { x: box.x + inside.x, y: box.y + inside.y } : null;
}

/** "#0072B2" → [0, 114, 178]. */
export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
