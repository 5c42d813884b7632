/**
 * The in-store analysis' side in Neo4j with Graph Data Science: degrees and hubs counted by
 * Cypher, the linked groups found by gds.wcc on a projection that leaves hubs out, Louvain by
 * gds.louvain, and each ring's counts aggregated in Cypher. Only groups, counts and the small
 * graphs of groups to be split come back, never the whole link table. Statements are files
 * under cypher/store/neo4j-gds-*; projections get a name of their own and are dropped on the
 * way out, failure included.
 */
import { randomUUID } from "node:crypto";
import type { AccountFact, AnalysisInput, LinkFact, RefundFact } from "../domain/analysis-types.ts";
import { HIGH_VALUE_CATEGORIES, LINK_KINDS, contactKindOf, type LinkLabel } from "../domain/model.ts";
import type { ApprovalBaseline, ApprovalTally } from "../domain/rings/insiders.ts";
import { NEW_ACCOUNT_DAYS } from "../domain/rings/ring-behaviour.ts";
import { YOUNG_ACCOUNT_DAYS, type RingTallies } from "../domain/rings/ring-facts.ts";
import { cypher, withSlots, type CypherText } from "../cypher/cypher-files.ts";
import { LINK_HOPS, linkPath, linkUnion } from "../cypher/slot-domains.ts";
import { propertyDefault } from "../schema/graph-specs.ts";
import type { InStoreComponent, InStoreGraph, InStoreRingCounts, QueryRows } from "./graph-store.ts";
import { chunk } from "./neo4j-upserts.ts";

/** Runs one read statement with the analysis' timeout; rows come back as plain values. */
export type GdsRead = (text: CypherText, params: Record<string, unknown>) => Promise<QueryRows>;

const DAY = 86_400_000;
const STATUS_DEFAULT = propertyDefault("Refund", "status");
const HIGH_VALUE = [...HIGH_VALUE_CATEGORIES];
/** Rings per tally statement, and accounts per statement where a list of ids is sent. */
const RINGS_PER_BATCH = 2_000;
const IDS_PER_BATCH = 10_000;
/** Tally batches in flight at once: the server counts one on each of its cores (measured: 2 on this 2-core machine). */
const CONCURRENT_BATCHES = 2;

const file = (name: string) => cypher(`store/neo4j-gds-${name}`);
const withLink = (name: string, kind: LinkLabel) => withSlots(file(name), { link: linkPath(kind) });
const num = (v: unknown): number => (typeof v === "number" ? v : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** Times come back as ISO text (plain rows), to the millisecond. */
const millis = (v: unknown): number | null => (v === null || v === undefined ? null : Date.parse(String(v)));

/** Every text GdsGraph sends, slots filled as it fills them (for the parser test and the adapter's list). */
export function gdsTexts(): CypherText[] {
  const perKind = ["degrees", "hubs", "group-links", "links-around"].flatMap((name) => LINK_KINDS.map((k) => withLink(name, k.label)));
  const fixed = [
    "version",
    "components",
    "drop",
    "drop-abandoned",
    "louvain",
    "group-accounts",
    "group-refunds",
    "ring-accounts",
    "ring-approvals",
    "approval-baseline",
  ].map(file);
  return [
    ...fixed,
    ...perKind,
    withSlots(file("project-links"), { links: linkUnion() }),
    ...Object.values(LINK_HOPS).map((hop) => withSlots(file("ring-identifiers"), { hop })),
  ];
}

export class GdsGraph implements InStoreGraph {
  /**
   * @param abandonedAfterMs a projection of ringlens older than this is one a killed run left (a
   *   run's projection lives through two statements, each within the analysis timeout), dropped
   *   when the next analysis starts.
   */
  constructor(
    private readonly read: GdsRead,
    readonly library: string,
    private readonly abandonedAfterMs = Number.POSITIVE_INFINITY,
  ) {}

  async degreeHistogram(kind: LinkLabel): Promise<number[]> {
    const { rows } = await this.read(withLink("degrees", kind), {});
    const histogram: number[] = [];
    for (const row of rows) histogram[num(row.degree)] = num(row.identifiers);
    return Array.from(histogram, (c) => c ?? 0);
  }

  async hubs(kind: LinkLabel, threshold: number): Promise<{ identifierId: string; accounts: number }[]> {
    const { rows } = await this.read(withLink("hubs", kind), { threshold });
    return rows.map((row) => ({ identifierId: String(row.identifierId), accounts: num(row.degree) }));
  }

  async components(thresholds: ReadonlyMap<LinkLabel, number>, minSize: number): Promise<InStoreComponent[]> {
    const graph = `ringlens-links-${randomUUID()}`;
    if (Number.isFinite(this.abandonedAfterMs)) await this.read(file("drop-abandoned"), { before: Date.now() - this.abandonedAfterMs });
    try {
      await this.read(withSlots(file("project-links"), { links: linkUnion() }), {
        graph,
        thresholds: LINK_KINDS.map((k) => thresholds.get(k.label) ?? 0),
      });
      const { rows } = await this.read(file("components"), {
        graph,
        minSize,
        highValue: HIGH_VALUE,
        statusDefault: STATUS_DEFAULT,
        newAccountMs: NEW_ACCOUNT_DAYS * DAY,
      });
      return rows.map((row) => ({ members: (row.members as unknown[]).map(String), behaving: num(row.behaving) }));
    } finally {
      await this.drop(graph);
    }
  }

  async groupInput(
    accountIds: readonly string[],
    kinds: readonly LinkLabel[],
    hubs: ReadonlyMap<LinkLabel, readonly string[]>,
  ): Promise<AnalysisInput> {
    const accounts: AccountFact[] = [];
    const links: LinkFact[] = [];
    const refunds: RefundFact[] = [];
    for (const ids of chunk(accountIds, IDS_PER_BATCH)) {
      for (const row of (await this.read(file("group-accounts"), { ids })).rows)
        accounts.push({ id: String(row.id), createdAt: millis(row.createdAt), country: str(row.country) });
      for (const kind of kinds) {
        const { rows } = await this.read(withLink("group-links", kind), { ids, hubs: hubs.get(kind) ?? [] });
        for (const row of rows) links.push({ accountId: String(row.accountId), kind, identifierId: String(row.identifierId) });
      }
      for (const row of (await this.read(file("group-refunds"), { ids })).rows)
        refunds.push({
          id: String(row.id),
          accountId: String(row.accountId),
          employeeId: str(row.employeeId),
          amount: Number(row.amount),
          category: str(row.category),
          returned: (row.returned as boolean | null) ?? null,
          requestedAt: millis(row.requestedAt),
          status: (row.status as string | null) || STATUS_DEFAULT,
        });
    }
    return { accounts, links, refunds };
  }

  async louvain(nodeCount: number, pairs: readonly (readonly [number, number, number])[]): Promise<Int32Array> {
    // Members without a weighted tie are not in the projection: each is a community of its own.
    const community = Int32Array.from({ length: nodeCount }, (_, p) => -1 - p);
    if (pairs.length === 0) return community;
    const graph = `ringlens-split-${randomUUID()}`;
    try {
      const { rows } = await this.read(file("louvain"), { graph, pairs });
      for (const row of rows) community[num(row.position)] = num(row.communityId);
      return community;
    } finally {
      await this.drop(graph);
    }
  }

  async ringTallies(
    rings: readonly (readonly string[])[],
    weighted: readonly LinkLabel[],
    hubs: ReadonlyMap<LinkLabel, readonly string[]>,
  ): Promise<InStoreRingCounts[]> {
    const counts: InStoreRingCounts[] = rings.map((members) => ({
      tallies: emptyTallies(members.length),
      approvals: { n: 0, byEmployee: new Map() },
      hubs: [],
    }));
    const indexed = rings.map((members, r) => ({ r, members }));
    const kindOfRel = new Map(LINK_KINDS.map((k) => [k.rel, k.label]));
    const sharingOf = new Set(weighted);
    const hubsByRel = Object.fromEntries(LINK_KINDS.filter((k) => hubs.has(k.label)).map((k) => [k.rel, hubs.get(k.label)!]));
    const hops = [
      { hop: LINK_HOPS.own, rels: LINK_KINDS.filter((k) => !contactKindOf(k.label)) },
      { hop: LINK_HOPS.contact, rels: LINK_KINDS.filter((k) => contactKindOf(k.label)) },
    ].map(({ hop, rels }) => ({
      text: withSlots(file("ring-identifiers"), { hop }),
      rels: rels.filter((k) => sharingOf.has(k.label) || hubs.has(k.label)).map((k) => k.rel),
    }));
    await eachConcurrently(batchByMembers(indexed), CONCURRENT_BATCHES, async (batch) => {
      const params = { rings: batch };
      const accounts = await this.read(file("ring-accounts"), {
        ...params,
        highValue: HIGH_VALUE,
        statusDefault: STATUS_DEFAULT,
        youngMs: YOUNG_ACCOUNT_DAYS * DAY,
      });
      for (const row of accounts.rows) {
        const t = counts[num(row.r)]!.tallies;
        t.refundCount = num(row.refundCount);
        t.refundValue = num(row.refundValue);
        t.noReturnCount = num(row.noReturnCount);
        t.highValueCount = num(row.highValueCount);
        t.requestTimes = (row.requestTimes as unknown[][]).flat().map((v) => millis(v)!);
        t.countries = (row.countries as unknown[]).map(str);
        t.datedMembers = num(row.datedMembers);
        t.youngMembers = num(row.youngMembers);
      }
      for (const row of (await this.read(file("ring-approvals"), { ...params, statusDefault: STATUS_DEFAULT })).rows) {
        const approvals: ApprovalTally = counts[num(row.r)]!.approvals;
        const k = num(row.k);
        approvals.n += k;
        approvals.byEmployee.set(String(row.employeeId), { k, m: num(row.m) });
      }
      for (const { text, rels } of hops) {
        if (rels.length === 0) continue;
        for (const row of (await this.read(text, { ...params, rels, hubs: hubsByRel })).rows) {
          const ring = counts[num(row.r)]!;
          const kind = kindOfRel.get(String(row.rel))!;
          if (sharingOf.has(kind))
            ring.tallies.sharing.push({ kind, users: num(row.users), identifiers: num(row.identifiers), top: num(row.top) });
          for (const [identifierId, members] of row.hubUses as [unknown, unknown][])
            ring.hubs.push({ kind, identifierId: String(identifierId), members: num(members) });
        }
      }
    });
    return counts;
  }

  async approvalBaseline(): Promise<ApprovalBaseline> {
    const { rows } = await this.read(file("approval-baseline"), { statusDefault: STATUS_DEFAULT });
    const byEmployee = new Map<string, number>();
    let total = 0;
    for (const row of rows) {
      byEmployee.set(String(row.employeeId), num(row.approvals));
      total += num(row.approvals);
    }
    return { total, byEmployee };
  }

  async linksAround(accountIds: readonly string[], kinds: readonly LinkLabel[]): Promise<LinkFact[]> {
    const links: LinkFact[] = [];
    for (const ids of chunk(accountIds, IDS_PER_BATCH)) {
      for (const kind of kinds) {
        for (const row of (await this.read(withLink("links-around", kind), { ids })).rows)
          links.push({ accountId: String(row.accountId), kind, identifierId: String(row.identifierId) });
      }
    }
    return links;
  }

  private async drop(graph: string): Promise<void> {
    await this.read(file("drop"), { graph }).catch(() => undefined);
  }
}

/** Runs `work` on every item, at most `limit` at a time; rejects with the first failure. */
async function eachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function emptyTallies(size: number): RingTallies {
  return {
    size,
    refundCount: 0,
    refundValue: 0,
    noReturnCount: 0,
    highValueCount: 0,
    datedMembers: 0,
    youngMembers: 0,
    requestTimes: [],
    countries: [],
    sharing: [],
  };
}

/** Rings in statements of at most RINGS_PER_BATCH rings and about IDS_PER_BATCH members. */
function batchByMembers(rings: { r: number; members: readonly string[] }[]): { r: number; members: readonly string[] }[][] {
  const out: { r: number; members: readonly string[] }[][] = [];
  let current: { r: number; members: readonly string[] }[] = [];
  let members = 0;
  for (const ring of rings) {
    if (current.length > 0 && (current.length >= RINGS_PER_BATCH || members + ring.members.length > IDS_PER_BATCH)) {
      out.push(current);
      current = [];
      members = 0;
    }
    current.push(ring);
    members += ring.members.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}
