/**
 * PNG of what the canvas shows: re-renders sigma synchronously (its WebGL layers do not keep
 * their drawing buffer) and stacks its layers, edges to labels, on a white background.
 * Hover and mouse layers are left out so the picture shows the graph, not the pointer.
 */
import type { Attributes } from "graphology-types";
import type Sigma from "sigma";

const LAYERS = ["edges", "edgeLabels", "nodes", "labels"];

/** @example download(await canvasPng(renderer.sigma), "ring-R1.png") */
export function canvasPng<N extends Attributes, E extends Attributes>(sigma: Sigma<N, E>, background = "#ffffff"): Promise<Blob> {
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const output = document.createElement("canvas");
  output.width = Math.round(width * ratio);
  output.height = Math.round(height * ratio);
  const context = output.getContext("2d");
  if (!context) return Promise.reject(new Error("export: this browser cannot draw a 2D canvas"));
  context.fillStyle = background;
  context.fillRect(0, 0, output.width, output.height);
  sigma.refresh();
  const canvases = sigma.getCanvases();
  for (const layer of LAYERS) {
    const canvas = canvases[layer];
    if (canvas) context.drawImage(canvas, 0, 0, output.width, output.height);
  }
  return new Promise((resolve, reject) =>
    output.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("export: the canvas could not be encoded as PNG"))), "image/png"),
  );
}
