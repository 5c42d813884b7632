/**
 * Splits a candidate ring that is too large to be one ring (usually several rings or families
 * chained through a few shared identifiers) into communities with Louvain, on the weighted
 * account–account projection of its non-hub links. Pure: builds an in-memory graphology graph;
 * no I/O.
 */
import { UndirectedGraph } from "graphology";
import louvain from "graphology-communities-louvain";
import { compareStrings } from "./compare-strings.ts";
import type { LinkIndex } from "./link-index.ts";
import { identifierKey } from "./link-index.ts";
import { mulberry32 } from "./seeded-rng.ts";
import { groupsOf, UnionFind } from "./union-find.ts";

export interface SplitOptions {
  maxRingSize: number;
  minRingSize: number;
  seed: number;
  resolution: number;
  /** How many times a piece still above maxRingSize is split again. */
  maxDepth: number;
  /** Weight of each identifier kind's ties (link policy); a kind not listed weighs 1. */
  kindWeights?: Partial<Record<string, number>>;
}

/**
 * Returns the group unchanged when it has at most `maxRingSize` accounts; otherwise its
 * Louvain communities, each cut into its connected pieces, keeping pieces of at least
 * `minRingSize` accounts. Members are account indices, ascending within a piece.
 *
 * The same group always gives the same pieces: nodes and identifiers enter the graph in id
 * order and the random walk is seeded per split, so the answer does not depend on the order
 * in which components are processed.
 *
 * @example
 *   splitCommunities(index, isHub, group, { maxRingSize: 40, minRingSize: 2, seed: 1, resolution: 1, maxDepth: 3 });
 */
export function splitCommunities(index: LinkIndex, isHub: Uint8Array, group: Int32Array, options: SplitOptions): Int32Array[] {
  if (group.length <= options.maxRingSize) return [group];
  const pieces = splitOnce(index, isHub, group, options);
  if (pieces === null) return [group];
  if (options.maxDepth <= 1) return pieces;
  const deeper = { ...options, maxDepth: options.maxDepth - 1 };
  return pieces.flatMap((piece) => splitCommunities(index, isHub, piece, deeper));
}

/** Louvain over a split's ties: a community number per member position (members, then pairs [a, b, weight]). */
export type FindCommunities = (nodeCount: number, pairs: readonly (readonly [number, number, number])[]) => Promise<Int32Array>;

/**
 * splitCommunities with the Louvain step done elsewhere (the in-store analysis asks GDS): the
 * same ties, pieces and depth; Louvain's own order and tie-breaking are the finder's.
 */
export async function splitCommunitiesWith(
  index: LinkIndex,
  isHub: Uint8Array,
  group: Int32Array,
  options: SplitOptions,
  find: FindCommunities,
): Promise<Int32Array[]> {
  if (group.length <= options.maxRingSize) return [group];
  const ties = splitTies(index, isHub, group, options);
  const pieces = piecesOf(ties, await find(ties.members.length, ties.pairs), options.minRingSize);
  if (pieces === null) return [group];
  if (options.maxDepth <= 1) return pieces;
  const deeper = { ...options, maxDepth: options.maxDepth - 1 };
  const out: Int32Array[] = [];
  for (const piece of pieces) out.push(...(await splitCommunitiesWith(index, isHub, piece, deeper, find)));
  return out;
}

/** The members of a split in id order and their weighted ties as pairs of positions (lo < hi), in key order. */
interface SplitTies {
  members: number[];
  weights: Map<number, number>;
  pairs: [number, number, number][];
}

function splitTies(index: LinkIndex, isHub: Uint8Array, group: Int32Array, options: SplitOptions): SplitTies {
  const members = Array.from(group).sort((a, b) => compareStrings(index.accountIds[a], index.accountIds[b]));
  const local = new Map<number, number>();
  members.forEach((account, position) => {
    local.set(account, position);
  });
  const weights = projectionWeights(index, isHub, members, local, options.kindWeights ?? {});
  const n = members.length;
  const pairs: [number, number, number][] = [];
  for (const [pair, weight] of weights) pairs.push([Math.floor(pair / n), pair % n, weight]);
  return { members, weights, pairs };
}

/** One Louvain pass; null when Louvain keeps the group whole. */
function splitOnce(index: LinkIndex, isHub: Uint8Array, group: Int32Array, options: SplitOptions): Int32Array[] | null {
  const ties = splitTies(index, isHub, group, options);
  const { members } = ties;
  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (const account of members) graph.addNode(index.accountIds[account]);
  for (const [a, b, weight] of ties.pairs) graph.addEdge(index.accountIds[members[a]], index.accountIds[members[b]], { weight });
  const community = louvain(graph, {
    getEdgeWeight: "weight",
    resolution: options.resolution,
    rng: mulberry32(options.seed),
  });
  return piecesOf(
    ties,
    Int32Array.from(members, (account) => community[index.accountIds[account]]),
    options.minRingSize,
  );
}

/**
 * Louvain communities can be internally disconnected; keep only ties inside a community and
 * take connected pieces, so a ring is always a linked group. Null when all is one community.
 */
function piecesOf({ members, weights }: SplitTies, communityOf: Int32Array, minRingSize: number): Int32Array[] | null {
  if (communityOf.every((c) => c === communityOf[0])) return null;
  const n = members.length;
  const uf = new UnionFind(n);
  for (const pair of weights.keys()) {
    const a = Math.floor(pair / n);
    const b = pair % n;
    if (communityOf[a] === communityOf[b]) uf.union(a, b);
  }
  const { start, members: localMembers } = groupsOf(uf, minRingSize);
  const pieces: Int32Array[] = [];
  for (let g = 0; g + 1 < start.length; g++) {
    const piece = Int32Array.from(localMembers.subarray(start[g], start[g + 1]), (p) => members[p]);
    pieces.push(piece.sort());
  }
  return pieces;
}

/**
 * Account–account weights: an identifier shared by k accounts of the group adds 1/(k − 1) to
 * each of its k(k − 1)/2 pairs, so every identifier gives each of its accounts a total weight
 * of 1 however many share it (times its kind's weight in the link policy). A device shared by two ring members then weighs as much as the
 * pair's whole tie, and a bridge through one identifier stays light next to a dense ring.
 * Keys are `lo * n + hi` over local positions.
 */
function projectionWeights(
  index: LinkIndex,
  isHub: Uint8Array,
  members: number[],
  local: Map<number, number>,
  kindWeights: Partial<Record<string, number>>,
): Map<number, number> {
  const identifiers = new Set<number>();
  for (const account of members) {
    for (let k = index.accountStart[account]; k < index.accountStart[account + 1]; k++) {
      const i = index.accountIdents[k];
      if (isHub[i] === 0) identifiers.add(i);
    }
  }
  const keyOf = new Map([...identifiers].map((i) => [i, identifierKey(index, i)]));
  const ordered = [...identifiers].sort((a, b) => compareStrings(keyOf.get(a)!, keyOf.get(b)!));
  const n = members.length;
  const weights = new Map<number, number>();
  for (const i of ordered) {
    const inGroup: number[] = [];
    for (let k = index.identStart[i]; k < index.identStart[i + 1]; k++) {
      const position = local.get(index.identAccounts[k]);
      if (position !== undefined) inGroup.push(position);
    }
    if (inGroup.length < 2) continue;
    const w = (kindWeights[index.identifierKinds[i]] ?? 1) / (inGroup.length - 1);
    if (w === 0) continue;
    for (let x = 0; x < inGroup.length; x++) {
      for (let y = x + 1; y < inGroup.length; y++) {
        const lo = Math.min(inGroup[x], inGroup[y]);
        const hi = Math.max(inGroup[x], inGroup[y]);
        weights.set(lo * n + hi, (weights.get(lo * n + hi) ?? 0) + w);
      }
    }
  }
  return weights;
}
