/**
 * Test helper: a fresh folder under the OS temp dir, removed again by the returned function.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export async function tempFolder(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `ringlens-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
