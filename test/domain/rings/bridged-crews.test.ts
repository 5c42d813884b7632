import { factsOf } from "../../../server/domain/rings/link-columns.ts";
import { describe, expect, it } from "vitest";
import { detectRings } from "../../../server/domain/rings/detect-rings.ts";
import { tabulateAccounts } from "../../../server/domain/rings/account-table.ts";
import { indexLinks } from "../../../server/domain/rings/link-index.ts";
import { separateCrews } from "../../../server/domain/rings/split-bridges.ts";
import { DAY, NOW, SyntheticWorld } from "../helpers/synthetic-world.ts";

/** A crew of `size` young accounts on `devices` shared devices, high-value refunds kept, approved by `insider`, all in one week. */
function crew(world: SyntheticWorld, size: number, devices: string[], insider: string, weekAgo: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < size; i++) {
    const at = NOW - weekAgo * 7 * DAY + i * 3_600_000;
    const id = world.account("US", (NOW - at) / DAY + 5);
    world.link(id, "Device", devices[i % devices.length]!);
    if (i % devices.length === 0 && devices.length > 1) world.link(id, "Device", devices[1]!);
    for (let r = 0; r < 3; r++)
      world.refund(id, { employeeId: insider, amount: 1500, category: "laptop", returned: false, requestedAt: at + r * DAY });
    ids.push(id);
  }
  return ids;
}

describe("detectRings on bridged crews", () => {
  it("splits two crews joined by one borrowed device into two rings, linked through that device", () => {
    const world = new SyntheticWorld(1);
    const a = crew(world, 6, ["dev-a1", "dev-a2"], "agent-a", 30);
    const b = crew(world, 5, ["dev-b1", "dev-b2"], "agent-b", 10);
    world.link(b[2]!, "Device", "dev-a1");
    const rings = detectRings(world.build(), { now: 0 }).rings;
    expect(rings.map((r) => r.accountIds).sort()).toEqual([a, b].map((ids) => [...ids].sort()).sort());
    const ringA = rings.find((r) => r.accountIds.includes(a[0]!))!;
    const ringB = rings.find((r) => r.accountIds.includes(b[0]!))!;
    expect(ringA.links).toEqual([{ ringId: ringB.id, via: [{ kind: "Device", identifierId: "dev-a1" }] }]);
    expect(ringB.links).toEqual([{ ringId: ringA.id, via: [{ kind: "Device", identifierId: "dev-a1" }] }]);
  });

  it("splits crews joined by a mule on two of the other crew's devices", () => {
    const world = new SyntheticWorld(2);
    const a = crew(world, 6, ["dev-a1", "dev-a2"], "agent-a", 40);
    const b = crew(world, 6, ["dev-b1", "dev-b2"], "agent-b", 30);
    world.link(a[0]!, "Device", "dev-b1");
    world.link(a[0]!, "Device", "dev-b2");
    const rings = detectRings(world.build(), { now: 0 }).rings;
    expect(rings.map((r) => r.accountIds).sort()).toEqual([a, b].map((ids) => [...ids].sort()).sort());
  });

  it("counts a device seen on the mule's account and in its support contacts as one link of the bridge", () => {
    const world = new SyntheticWorld(2);
    const a = crew(world, 6, ["dev-a1", "dev-a2"], "agent-a", 40);
    const b = crew(world, 6, ["dev-b1", "dev-b2"], "agent-b", 30);
    world.link(a[0]!, "Device", "dev-b1");
    world.link(a[0]!, "Device", "dev-b2");
    // The other crew contacts support from its device, and so does the mule: still two devices.
    for (const id of [a[0]!, b[0]!, b[1]!]) world.link(id, "ContactDevice", "dev-b1");
    const rings = detectRings(world.build(), { now: 0 }).rings;
    expect(rings.map((r) => r.accountIds).sort()).toEqual([a, b].map((ids) => [...ids].sort()).sort());
  });

  it("tells crews apart by their own weeks even when an honest household still hangs on one of them", () => {
    const world = new SyntheticWorld(5);
    const a = crew(world, 3, ["dev-a1"], "agent-x", 40);
    const b = crew(world, 3, ["dev-b1"], "agent-x", 5);
    // A household on a member's tablet, refunding everyday things all year round: most of the side's refunds.
    const household = [0, 1, 2].map(() => world.account("US", 900));
    for (const id of household) {
      world.link(id, "Device", "tablet");
      for (let m = 0; m < 24; m++) world.refund(id, { amount: 20, category: "books", returned: true, requestedAt: NOW - m * 15 * DAY });
    }
    const input = world.build();
    const index = indexLinks(input);
    const table = tabulateAccounts(index, input);
    const at = (ids: string[]) => ids.map((id) => index.accounts.indexOf(id));
    expect(separateCrews(table, at(a), at([...b, ...household]))).toBe(true);
    // One crew's own weeks overlap, whoever hangs on it.
    expect(separateCrews(table, at(a), at([...a.slice(0, 1), ...household]))).toBe(false);
  });

  it("keeps one crew whole although its halves hang on one device: same weeks, same agent", () => {
    const world = new SyntheticWorld(3);
    const left = crew(world, 5, ["dev-1"], "agent-a", 20);
    const right = crew(world, 5, ["dev-2"], "agent-a", 20);
    world.link(left[0]!, "Device", "dev-2");
    const rings = detectRings(world.build(), { now: 0 }).rings;
    expect(rings.map((r) => r.accountIds)).toEqual([[...left, ...right].sort()]);
    expect(rings[0]!.links).toEqual([]);
  });

  it("does not split off an honest household hanging on a crew", () => {
    const world = new SyntheticWorld(4);
    const a = crew(world, 6, ["dev-a1", "dev-a2"], "agent-a", 30);
    const b = crew(world, 6, ["dev-b1", "dev-b2"], "agent-a", 30);
    world.link(b[0]!, "Device", "dev-a1");
    const rings = detectRings(world.build(), { now: 0 }).rings;
    expect(rings.map((r) => r.accountIds)).toEqual([[...a, ...b].sort()]);
  });
});

describe("detectRings on a relative's device", () => {
  const build = (withRelatives: boolean) => {
    const world = new SyntheticWorld(5);
    const ring = crew(world, 6, ["dev-1", "dev-2"], "agent-a", 20);
    const relatives: string[] = [];
    if (withRelatives) {
      for (let i = 0; i < 2; i++) {
        const id = world.account("US", 2000);
        world.link(id, "Device", "tablet");
        world.link(id, "Address", "home");
        world.refund(id, { amount: 40, category: "grocery", returned: true });
        relatives.push(id);
      }
    }
    // The member's own use of the tablet is the member's; only the household is in question.
    world.link(ring[3]!, "Device", "tablet");
    return { input: world.build(), ring, relatives };
  };

  it("lists the household as attached to the member, with the reason, outside the members and the score", () => {
    const { input, ring, relatives } = build(true);
    const rings = detectRings(input, { now: 0 }).rings;
    expect(rings).toHaveLength(1);
    expect(rings[0]!.accountIds).toEqual([...ring].sort());
    expect(rings[0]!.attached.map((a) => [a.accountId, a.memberId, a.kind, a.identifierId])).toEqual(
      relatives.map((id) => [id, ring[3], "Device", "tablet"]),
    );
    expect(rings[0]!.attached[0]!.reason).toContain(`shares only device tablet with member ${ring[3]}`);
    expect(rings[0]!.score).toBe(detectRings(build(false).input, { now: 0 }).rings[0]!.score);
  });

  it("keeps an account that shares one device with one member but refunds like the ring as a member", () => {
    const { input } = build(false);
    const world = { ...input };
    const accomplice = "acc-late";
    world.accounts = [...input.accounts, { id: accomplice, createdAt: NOW - 20 * DAY, country: "GB" }];
    world.links = [...factsOf(input), { accountId: accomplice, kind: "Device", identifierId: "tablet" }];
    world.refunds = [
      ...input.refunds,
      {
        id: "ref-late",
        accountId: accomplice,
        employeeId: "agent-a",
        amount: 1800,
        category: "phone",
        returned: false,
        requestedAt: NOW - 10 * DAY,
        status: "approved",
      },
    ];
    const rings = detectRings(world, { now: 0 }).rings;
    expect(rings[0]!.accountIds).toContain(accomplice);
    expect(rings[0]!.attached).toEqual([]);
  });
});
