/**
 * Who holds an embedded store for writing. The engine locks its file against every other
 * process but cannot say who holds it; ringlens records the holder beside the store so the
 * refused process can name it and say what to do.
 */
import fs from "node:fs";
import path from "node:path";

export interface WriterInfo {
  pid: number;
  command: string;
  since: string;
  /** Where the holder serves its API, when it is `ringlens serve`. */
  url?: string;
}

const FILE = "writer.json";

export function recordWriter(folder: string, info: WriterInfo): void {
  fs.writeFileSync(path.join(folder, FILE), JSON.stringify(info));
}

export function updateWriter(folder: string, patch: Partial<WriterInfo>): void {
  const current = readWriter(folder);
  if (current && current.pid === process.pid) recordWriter(folder, { ...current, ...patch });
}

export function clearWriter(folder: string): void {
  const current = readWriter(folder);
  if (current && current.pid === process.pid) fs.rmSync(path.join(folder, FILE), { force: true });
}

export function readWriter(folder: string): WriterInfo | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(folder, FILE), "utf8")) as WriterInfo;
  } catch {
    return null;
  }
}

/** The user-facing explanation of a refused open. */
export function describeHolder(folder: string): string {
  const w = readWriter(folder);
  if (!w) return `another process holds the store ${folder}; stop it and try again`;
  const via = w.url
    ? `; while it runs, send imports and analyses through it (POST ${w.url}/api/import, POST ${w.url}/api/analyze) or stop it first`
    : "; wait for it to finish or stop it";
  return `the store ${folder} is held by \`ringlens ${w.command}\` (pid ${w.pid}, since ${w.since})${via}`;
}
