/**
 * The audit entry of a write made on the command line (`ringlens load`, `ringlens analyze`):
 * the actor is `cli:<OS user>`, since the command line has no token; the API records the
 * token's name instead.
 */
import os from "node:os";
import { addAudit } from "../investigation/investigation-records.ts";
import type { GraphStore } from "../store/graph-store.ts";

export async function auditCli(store: GraphStore, action: string, after: unknown): Promise<void> {
  let user = "unknown";
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): the action is still recorded.
  }
  await addAudit(store, {
    at: new Date().toISOString(),
    actor: `cli:${user}`,
    action,
    caseId: null,
    ringId: null,
    before: null,
    after,
    note: null,
  });
}
