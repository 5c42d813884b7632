/**
 * Interns account ids and identifier keys (kind + ":" + identifierId) into dense integers and
 * keeps the account–identifier links as two compressed adjacency lists (identifier → distinct
 * accounts, account → distinct identifiers) in typed arrays. Pure; imports only domain types.
 */
import type { AnalysisInput } from "../analysis/types.ts";
import type { IdentifierLabel } from "../model.ts";

export interface LinkIndex {
  /** Account index → account id. Accounts of `input.accounts` first, in input order. */
  accountIds: string[];
  accountIndex: Map<string, number>;
  identifierKinds: IdentifierLabel[];
  identifierIds: string[];
  /** identAccounts.subarray(identStart[i], identStart[i + 1]): distinct accounts of identifier i. */
  identStart: Int32Array;
  identAccounts: Int32Array;
  /** accountIdents.subarray(accountStart[a], accountStart[a + 1]): distinct identifiers of account a. */
  accountStart: Int32Array;
  accountIdents: Int32Array;
}

/** Number of distinct accounts using identifier i. */
export function identifierDegree(index: LinkIndex, i: number): number {
  return index.identStart[i + 1] - index.identStart[i];
}

/** The identifier's key as written in messages and ids: `Device:d-42`. */
export function identifierKey(index: LinkIndex, i: number): string {
  return `${index.identifierKinds[i]}:${index.identifierIds[i]}`;
}

/**
 * Builds the index in O(accounts + links). Links whose account is not among `input.accounts`
 * still count (the account is interned with no facts): dropping them would hide links.
 *
 * @example
 *   const index = indexLinks({ accounts: [], refunds: [], links: [
 *     { accountId: "a", kind: "Device", identifierId: "d" },
 *     { accountId: "b", kind: "Device", identifierId: "d" }] });
 *   identifierDegree(index, 0); // 2
 */
export function indexLinks(input: Pick<AnalysisInput, "accounts" | "links">): LinkIndex {
  const accountIds: string[] = [];
  const accountIndex = new Map<string, number>();
  const internAccount = (id: string): number => {
    let a = accountIndex.get(id);
    if (a === undefined) {
      a = accountIds.length;
      accountIndex.set(id, a);
      accountIds.push(id);
    }
    return a;
  };
  for (const account of input.accounts) internAccount(account.id);

  // One map per kind avoids building a "kind:id" string per link.
  const byKind = new Map<string, Map<string, number>>();
  const identifierKinds: IdentifierLabel[] = [];
  const identifierIds: string[] = [];
  const links = input.links;
  const linkAccount = new Int32Array(links.length);
  const linkIdent = new Int32Array(links.length);
  for (let l = 0; l < links.length; l++) {
    const link = links[l];
    let ids = byKind.get(link.kind);
    if (ids === undefined) byKind.set(link.kind, (ids = new Map()));
    let i = ids.get(link.identifierId);
    if (i === undefined) {
      i = identifierIds.length;
      ids.set(link.identifierId, i);
      identifierKinds.push(link.kind);
      identifierIds.push(link.identifierId);
    }
    linkAccount[l] = internAccount(link.accountId);
    linkIdent[l] = i;
  }

  const byIdent = distinctAdjacency(identifierIds.length, accountIds.length, linkIdent, linkAccount);
  const byAccount = transpose(byIdent.start, byIdent.targets, accountIds.length);
  return {
    accountIds,
    accountIndex,
    identifierKinds,
    identifierIds,
    identStart: byIdent.start,
    identAccounts: byIdent.targets,
    accountStart: byAccount.start,
    accountIdents: byAccount.targets,
  };
}

/** Counting sort of (source, target) pairs by source, dropping repeated targets per source. */
function distinctAdjacency(
  sourceCount: number,
  targetCount: number,
  sources: Int32Array,
  targets: Int32Array,
): { start: Int32Array; targets: Int32Array } {
  const start = new Int32Array(sourceCount + 1);
  for (let l = 0; l < sources.length; l++) start[sources[l] + 1]++;
  for (let s = 0; s < sourceCount; s++) start[s + 1] += start[s];
  const sorted = new Int32Array(sources.length);
  const fill = start.slice(0, sourceCount);
  for (let l = 0; l < sources.length; l++) sorted[fill[sources[l]]++] = targets[l];

  // Compact in place: `seenBy[t] === s` means t was already kept for source s.
  const seenBy = new Int32Array(targetCount).fill(-1);
  const compactStart = new Int32Array(sourceCount + 1);
  let write = 0;
  for (let s = 0; s < sourceCount; s++) {
    for (let k = start[s]; k < start[s + 1]; k++) {
      const t = sorted[k];
      if (seenBy[t] !== s) {
        seenBy[t] = s;
        sorted[write++] = t;
      }
    }
    compactStart[s + 1] = write;
  }
  return { start: compactStart, targets: sorted.slice(0, write) };
}

/** The reverse adjacency (targets → sources) of a compressed adjacency list. */
function transpose(start: Int32Array, targets: Int32Array, targetCount: number): { start: Int32Array; targets: Int32Array } {
  const sourceCount = start.length - 1;
  const reverseStart = new Int32Array(targetCount + 1);
  for (let k = 0; k < targets.length; k++) reverseStart[targets[k] + 1]++;
  for (let t = 0; t < targetCount; t++) reverseStart[t + 1] += reverseStart[t];
  const sources = new Int32Array(targets.length);
  const fill = reverseStart.slice(0, targetCount);
  for (let s = 0; s < sourceCount; s++) {
    for (let k = start[s]; k < start[s + 1]; k++) sources[fill[targets[k]]++] = s;
  }
  return { start: reverseStart, targets: sources };
}
