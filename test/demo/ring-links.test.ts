import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Random } from "../../server/demo/random.ts";
import { linkRingMembers } from "../../server/demo/ring-links.ts";

/** Members joined when they share an identifier: is everyone reachable from member 0? */
function connected(links: number[][]): boolean {
  const reached = new Set([0]);
  for (let grew = true; grew; ) {
    grew = false;
    const held = new Set([...reached].flatMap((m) => links[m] as number[]));
    links.forEach((own, m) => {
      if (!reached.has(m) && own.some((id) => held.has(id))) {
        reached.add(m);
        grew = true;
      }
    });
  }
  return reached.size === links.length;
}

describe("linkRingMembers", () => {
  it("connects every member and uses every identifier", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 20 }), (seed, identifiers, extra) => {
        const links = linkRingMembers(new Random(seed, "links"), identifiers + extra, identifiers);
        expect(links).toHaveLength(identifiers + extra);
        expect(links.every((own) => own.length >= 1 && new Set(own).size === own.length)).toBe(true);
        expect(new Set(links.flat())).toEqual(new Set(Array.from({ length: identifiers }, (_, i) => i)));
        expect(connected(links)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("refuses more identifiers than members", () => {
    expect(() => linkRingMembers(new Random(1, "links"), 2, 3)).toThrow();
  });
});
