/** Temp folders for tests, removed after the suite. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

export function tempDir(prefix = "ringlens-test-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");
