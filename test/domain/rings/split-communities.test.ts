import { describe, expect, it } from "vitest";
import type { AnalysisInput } from "../../../server/domain/analysis-types.ts";
import { detectRings } from "../../../server/domain/rings/detect-rings.ts";
import { factsOf } from "../../../server/domain/rings/link-columns.ts";
import { indexLinks } from "../../../server/domain/rings/link-index.ts";
import { splitCommunities } from "../../../server/domain/rings/split-communities.ts";
import { SyntheticWorld } from "../helpers/synthetic-world.ts";

/** Two dense rings of 8 (each account on two of three devices, one address) bridged by one device. */
function bridgedRings(): { input: AnalysisInput; a: string[]; b: string[] } {
  const world = new SyntheticWorld(11);
  const a = world.ring({ size: 8, devices: 3, addresses: 1 }).accountIds;
  const b = world.ring({ size: 8, devices: 3, addresses: 1 }).accountIds;
  world.link(a[3], "Device", "bridge");
  world.link(b[5], "Device", "bridge");
  return { input: world.build(), a: [...a].sort(), b: [...b].sort() };
}

describe("splitting oversized components with Louvain", () => {
  it("splits two dense rings bridged by one shared device when the component exceeds maxRingSize", () => {
    const { input, a, b } = bridgedRings();
    const result = detectRings(input, { maxRingSize: 10, now: 0 });
    expect(result.rings.map((ring) => ring.accountIds).sort()).toEqual([a, b].sort());
  });

  it("leaves a component of at most maxRingSize whole", () => {
    const { input } = bridgedRings();
    const index = indexLinks(input);
    const group = Int32Array.from(index.accountIds.keys());
    const options = { maxRingSize: 16, minRingSize: 2, seed: 1, resolution: 1, maxDepth: 3 };
    expect(splitCommunities(index, new Uint8Array(index.identifierIds.length), group, options)).toEqual([group]);
  });

  it("still splits the two rings under maxRingSize, at their bridge, as bridged crews (issue 19)", () => {
    const { input, a, b } = bridgedRings();
    const result = detectRings(input, { maxRingSize: 16, now: 0 });
    expect(result.rings.map((ring) => ring.accountIds).sort()).toEqual([a, b].sort());
    expect(result.rings[0]!.links[0]!.via).toEqual([{ kind: "Device", identifierId: "bridge" }]);
  });

  it("gives the same pieces whatever the input order", () => {
    const { input } = bridgedRings();
    const reversed = { ...input, links: [...factsOf(input)].reverse(), accounts: [...input.accounts].reverse() };
    const members = (i: AnalysisInput) =>
      detectRings(i, { maxRingSize: 10, now: 0 })
        .rings.map((ring) => ring.accountIds)
        .sort();
    expect(members(reversed)).toEqual(members(input));
  });
});
