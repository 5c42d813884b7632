/**
 * `ringlens demo --hard`: the patterns it plants are in the data as truth/patterns.csv says —
 * a bridge member on a device of the other crew, a household on a member's tablet, a drop
 * address spelt with one slip — and the normal demo's files do not change.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDemo } from "../../server/demo/write-demo.ts";
import { slipStreet } from "../../server/demo/plant-hard-patterns.ts";
import { Random } from "../../server/demo/random.ts";
import { oneSlipApart } from "../../server/domain/normalise/street-slips.ts";
import { HIGH_VALUE_CATEGORIES } from "../../server/domain/model.ts";
import { readCsv } from "./read-csv.ts";
import { tempFolder } from "./temp-folder.ts";

describe("writeDemo with hard: true", () => {
  let root: Awaited<ReturnType<typeof tempFolder>>;
  const csv = (mode: string, file: string) => readCsv(join(root.path, mode), file);

  beforeAll(async () => {
    root = await tempFolder("hard");
    await writeDemo({ out: join(root.path, "hard"), accounts: 3000, rings: 12, seed: 3, hard: true });
    await writeDemo({ out: join(root.path, "normal"), accounts: 3000, rings: 12, seed: 3 });
  }, 120_000);
  afterAll(() => root.remove());

  it("ties each bridge member to a device the other crew uses", async () => {
    const patterns = (await csv("hard", "truth/patterns.csv")).filter((p) => p.pattern === "bridge");
    expect(patterns.length).toBeGreaterThan(0);
    const rings = await csv("hard", "truth/rings.csv");
    const devices = await csv("hard", "devices.csv");
    const ringOf = new Map(rings.map((r) => [r.account_id, r.ring_id]));
    for (const p of patterns) {
      const own = new Set(devices.filter((d) => d.account_id === p.account_id).map((d) => d.device_id));
      const otherCrew = devices.filter((d) => ringOf.get(d.account_id!) === p.detail && own.has(d.device_id));
      expect(otherCrew.length, `${p.account_id} on a device of ${p.detail}`).toBeGreaterThan(0);
    }
  });

  it("puts each relative on a tablet shared with one member of its ring, and outside the ring's truth", async () => {
    const relatives = (await csv("hard", "truth/patterns.csv")).filter((p) => p.pattern === "relative");
    expect(relatives.length).toBeGreaterThan(0);
    const members = new Map((await csv("hard", "truth/rings.csv")).map((r) => [r.account_id, r.ring_id]));
    const devices = await csv("hard", "devices.csv");
    for (const p of relatives) {
      expect(members.has(p.account_id!)).toBe(false);
      const users = devices.filter((d) => d.device_id === p.detail).map((d) => d.account_id);
      expect(users.filter((u) => members.get(u!) === p.ring_id)).toHaveLength(1);
    }
  });

  it("gives relatives only everyday refunds, as honest customers without the ring's behaviour", async () => {
    const relatives = new Set((await csv("hard", "truth/patterns.csv")).filter((p) => p.pattern === "relative").map((p) => p.account_id));
    const theirs = (await csv("hard", "refunds.csv")).filter((r) => relatives.has(r.account_id));
    expect(theirs.filter((r) => (HIGH_VALUE_CATEGORIES as readonly string[]).includes(r.category!))).toEqual([]);
  });

  it("spells each typo'd drop with one slip of a spelling another member of the ring uses", async () => {
    const typos = (await csv("hard", "truth/patterns.csv")).filter((p) => p.pattern === "typo");
    expect(typos.length).toBeGreaterThan(0);
    const addresses = await csv("hard", "addresses.csv");
    const rings = await csv("hard", "truth/rings.csv");
    for (const p of typos) {
      const slipped = addresses.find((a) => a.account_id === p.account_id && a.line1 === p.detail)!;
      const crew = new Set(rings.filter((r) => r.ring_id === p.ring_id && r.account_id !== p.account_id).map((r) => r.account_id));
      const spellings = addresses.filter(
        (a) =>
          crew.has(a.account_id!) &&
          a.postal_code?.replace(/\s/g, "").toLowerCase() === slipped.postal_code?.replace(/\s/g, "").toLowerCase(),
      );
      expect(spellings.length, `${p.account_id}'s drop is used by another member`).toBeGreaterThan(0);
    }
  });

  it("leaves the normal demo's files as they were, with an empty patterns file", async () => {
    expect(await csv("normal", "truth/patterns.csv")).toEqual([]);
    const hardAccounts = await readFile(join(root.path, "hard", "accounts.csv"));
    expect(hardAccounts.equals(await readFile(join(root.path, "normal", "accounts.csv")))).toBe(false);
  });
});

describe("slipStreet", () => {
  it("makes one slip in the street name, never in the number or the street type", () => {
    const rng = new Random(1, "test");
    for (let i = 0; i < 50; i++) {
      const slipped = slipStreet(rng, "12 Chestnut Street")!;
      expect(slipped).toMatch(/^12 \S+ Street$/);
      expect(oneSlipApart("chestnut", slipped.split(" ")[1]!.toLowerCase())).toBe(true);
    }
  });
});
