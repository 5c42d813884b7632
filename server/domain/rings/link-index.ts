/**
 * Interns account ids and identifier keys (kind + ":" + identifierId) into dense integers and
 * keeps the account–identifier links as two compressed adjacency lists (identifier → distinct
 * accounts, account → distinct identifiers) in typed arrays. Pure; imports only domain types.
 */
import type { AnalysisInput } from "../analysis-types.ts";
import type { LinkLabel } from "../model.ts";
import { columnsOfFacts } from "./link-columns.ts";
import { StringInterner } from "./string-interner.ts";

export interface LinkIndex {
  /** Account index ↔ account id. Accounts of `input.accounts` first, in input order. */
  accounts: StringInterner;
  /** Account index → account id (the interner's keys). */
  accountIds: string[];
  identifierKinds: LinkLabel[];
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
 * Identifiers are numbered kind by kind (kinds in order of first appearance), and within a
 * kind in order of first appearance in the links, whichever form the links come in.
 *
 * @example
 *   const index = indexLinks({ accounts: [], links: [
 *     { accountId: "a", kind: "Device", identifierId: "d" },
 *     { accountId: "b", kind: "Device", identifierId: "d" }] });
 *   identifierDegree(index, 0); // 2
 */
export function indexLinks(input: Pick<AnalysisInput, "accounts" | "links">): LinkIndex {
  const { accounts: listed, blocks } = Array.isArray(input.links)
    ? columnsOfFacts(input.accounts, input.links)
    : { accounts: input.accounts, blocks: input.links.blocks };
  const accounts = new StringInterner();
  const accountAt = new Int32Array(listed.length);
  for (let p = 0; p < listed.length; p++) accountAt[p] = accounts.intern(listed[p]!.id);

  const kinds: LinkLabel[] = [];
  const kindIds: string[][] = [];
  // A kind's interner is built only when a second block of that kind has to be merged by id.
  const kindInterners: (StringInterner | null)[] = [];
  const total = blocks.reduce((n, b) => n + b.accounts.length, 0);
  const linkAccount = new Int32Array(total);
  const linkIdent = new Int32Array(total);
  const linkKind = new Uint8Array(total);
  let l = 0;
  for (const block of blocks) {
    let kind = kinds.indexOf(block.kind);
    const first = kind === -1;
    if (first) {
      kind = kinds.length;
      kinds.push(block.kind);
      kindIds.push([]);
      kindInterners.push(null);
    } else if (kindInterners[kind] === null) {
      const interner = new StringInterner();
      for (const id of kindIds[kind]!) interner.intern(id);
      kindInterners[kind] = interner;
    }
    const ids = kindIds[kind]!;
    const interner = kindInterners[kind];
    const renumbered = new Int32Array(block.identifierIds.length).fill(-1);
    for (let k = 0; k < block.accounts.length; k++, l++) {
      const local = block.identifiers[k]!;
      let ident = renumbered[local]!;
      if (ident === -1) {
        const id = block.identifierIds[local]!;
        if (interner) {
          ident = interner.intern(id);
          if (ident === ids.length) ids.push(id);
        } else {
          ident = ids.length;
          ids.push(id);
        }
        renumbered[local] = ident;
      }
      linkKind[l] = kind;
      linkIdent[l] = ident;
      linkAccount[l] = accountAt[block.accounts[k]!]!;
    }
  }

  const offsets = new Int32Array(kinds.length + 1);
  kindIds.forEach((ids, k) => {
    offsets[k + 1] = offsets[k]! + ids.length;
  });
  for (let k = 0; k < total; k++) linkIdent[k] += offsets[linkKind[k]!]!;
  const identifierKinds: LinkLabel[] = kinds.flatMap((kind, k) => new Array<LinkLabel>(kindIds[k]!.length).fill(kind));
  const identifierIds: string[] = kindIds.flat();

  const byIdent = distinctAdjacency(identifierIds.length, accounts.size, linkIdent, linkAccount);
  const byAccount = transpose(byIdent.start, byIdent.targets, accounts.size);
  return {
    accounts,
    accountIds: accounts.keys,
    identifierKinds,
    identifierIds,
    identStart: byIdent.start,
    identAccounts: byIdent.targets,
    accountStart: byAccount.start,
    accountIdents: byAccount.targets,
  };
}

/** The links of the given kinds, in either form (the input itself when every link is of those kinds). */
export function linkingOnly(links: AnalysisInput["links"], kinds: ReadonlySet<LinkLabel>): AnalysisInput["links"] {
  if (Array.isArray(links)) return links.every((l) => kinds.has(l.kind)) ? links : links.filter((l) => kinds.has(l.kind));
  return { blocks: links.blocks.filter((b) => kinds.has(b.kind)) };
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
