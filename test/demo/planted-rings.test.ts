import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HIGH_VALUE_CATEGORIES } from "../../server/domain/model.ts";
import { writeDemo } from "../../server/demo/write-demo.ts";
import { foldAddress, type AddressCells } from "./fold-address.ts";
import { linkComponents, type LinkComponents } from "./link-components.ts";
import { readCsv } from "./read-csv.ts";
import { tempFolder } from "./temp-folder.ts";

type Row = Record<string, string>;
const HUB_ABOVE = 50;
const DAY = 86_400_000;

describe("the planted rings of a 20,000-account demo", () => {
  let root: Awaited<ReturnType<typeof tempFolder>>;
  let accounts: Row[];
  let addresses: Row[];
  let refunds: Row[];
  let members: Map<string, string[]>;
  let ringOf: Map<string, string>;
  let insiders: Map<string, Set<string>>;
  let links: LinkComponents;
  let contacts: Row[];
  /** Rings tied by shared identifiers (`ring-…`); refund-as-a-service rings (`svc-…`) are tied only by support contacts. */
  let identifierRings: [string, string[]][];
  let serviceRings: [string, string[]][];

  beforeAll(async () => {
    root = await tempFolder("rings");
    await writeDemo({ accounts: 20_000, rings: 30, seed: 3, out: root.path });
    accounts = await readCsv(root.path, "accounts.csv");
    addresses = await readCsv(root.path, "addresses.csv");
    refunds = await readCsv(root.path, "refunds.csv");
    const devices = await readCsv(root.path, "devices.csv");
    links = linkComponents(accounts, addresses, devices, HUB_ABOVE);
    contacts = await readCsv(root.path, "contacts.csv");
    members = new Map();
    ringOf = new Map();
    for (const row of await readCsv(root.path, "truth/rings.csv")) {
      members.set(row.ring_id as string, [...(members.get(row.ring_id as string) ?? []), row.account_id as string]);
      ringOf.set(row.account_id as string, row.ring_id as string);
    }
    insiders = new Map();
    for (const row of await readCsv(root.path, "truth/insiders.csv")) {
      insiders.set(row.ring_id as string, new Set([...(insiders.get(row.ring_id as string) ?? []), row.employee_id as string]));
    }
    identifierRings = [...members].filter(([id]) => id.startsWith("ring-"));
    serviceRings = [...members].filter(([id]) => id.startsWith("svc-"));
  }, 60_000);
  afterAll(() => root.remove());

  const refundsOf = (ring: string) => refunds.filter((row) => ringOf.get(row.account_id as string) === ring);

  it("plants the requested number of rings, each of 3–25 distinct accounts, and one service ring per six", () => {
    expect(identifierRings.length).toBe(30);
    expect(serviceRings.length).toBe(5);
    for (const [ring, ids] of members) {
      expect(ids.length, ring).toBeGreaterThanOrEqual(3);
      expect(ids.length, ring).toBeLessThanOrEqual(25);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("makes every ring exactly one component of shared devices and addresses once hubs are left out", () => {
    for (const [ring, ids] of identifierRings) {
      expect(new Set(ids.map(links.componentOf)).size, ring).toBe(1);
      expect(links.sizeOf(ids[0] as string), ring).toBe(ids.length);
    }
  });

  it("keeps honest components family-sized once hubs are left out", () => {
    const sizes = accounts.filter((row) => !ringOf.has(row.account_id as string)).map((row) => links.sizeOf(row.account_id as string));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(8);
    expect(sizes.filter((size) => size > 4).length / sizes.length).toBeLessThan(0.01);
  });

  it("has address and device hubs used by hundreds of accounts", () => {
    const hubs = [...links.users].filter(([, users]) => users.size > HUB_ABOVE);
    expect(Math.max(...hubs.map(([, users]) => users.size))).toBeGreaterThanOrEqual(100);
    expect(hubs.some(([key]) => key.startsWith("A:"))).toBe(true);
    expect(hubs.some(([key]) => key.startsWith("D:"))).toBe(true);
  });

  it("spells one address several ways, so loaders must normalise", () => {
    const spellings = new Map<string, Set<string>>();
    for (const row of addresses) {
      const key = foldAddress(row as unknown as AddressCells);
      spellings.set(key, (spellings.get(key) ?? new Set<string>()).add([row.line1, row.line2, row.city, row.postal_code].join("|")));
    }
    const shared = [...spellings.keys()].filter((key) => (links.users.get(`A:${key}`)?.size ?? 0) > 1);
    const varied = shared.filter((key) => (spellings.get(key)?.size ?? 0) > 1);
    expect(varied.length / shared.length).toBeGreaterThan(0.3);
  });

  it("gives rings mostly high-value refunds without a return, from accounts opened shortly before", () => {
    const high = new Set<string>(HIGH_VALUE_CATEGORIES);
    const ring = refunds.filter((row) => ringOf.get(row.account_id as string)?.startsWith("ring-"));
    const honest = refunds.filter((row) => !ringOf.has(row.account_id as string));
    const share = (rows: Row[], test: (row: Row) => boolean) => rows.filter(test).length / rows.length;
    expect(share(ring, (row) => high.has(row.category as string) && row.returned === "false")).toBeGreaterThan(0.55);
    expect(share(honest, (row) => row.returned === "false")).toBeLessThan(0.2);
    const opened = new Map(accounts.map((row) => [row.account_id as string, Date.parse(row.created_at as string)]));
    for (const row of ring) {
      const age = Date.parse(row.requested_at as string) - (opened.get(row.account_id as string) as number);
      expect(age).toBeGreaterThan(0);
      expect(age).toBeLessThan(90 * DAY);
    }
  });

  it("ties a service ring's customers only through the operator's support contacts", () => {
    for (const [ring, ids] of serviceRings) {
      // Nothing of their own in common: each customer is alone once hubs are left out.
      expect(new Set(ids.map(links.componentOf)).size, ring).toBe(ids.length);
      const own = new Set(ids);
      const served = new Map<string, Set<string>>();
      for (const c of contacts.filter((row) => own.has(row.account_id as string))) {
        for (const key of [`D:${c.device_id}`, `P:${c.phone}`, `H:${c.handle}`]) {
          if (key.length <= 2) continue;
          served.set(key, (served.get(key) ?? new Set<string>()).add(c.account_id as string));
        }
      }
      // The operator's main device served every customer.
      expect(Math.max(...[...served.values()].map((s) => s.size)), ring).toBe(ids.length);
      const handlers = contacts.filter((row) => own.has(row.account_id as string)).map((row) => row.employee_id);
      expect(new Set(handlers).size, ring).toBeLessThanOrEqual(Math.ceil(handlers.length / 2));
    }
  });

  it("writes honest contacts mostly without a device, and store kiosks used in contacts by hundreds of customers", () => {
    const honest = contacts.filter((row) => !ringOf.has(row.account_id as string));
    expect(honest.length).toBeGreaterThan(5_000);
    expect(honest.filter((row) => row.device_id === "").length / honest.length).toBeGreaterThan(0.5);
    const usersOf = new Map<string, Set<string>>();
    for (const row of honest)
      if (row.device_id) usersOf.set(row.device_id, (usersOf.get(row.device_id) ?? new Set<string>()).add(row.account_id as string));
    const kiosks = [...usersOf.values()].filter((users) => users.size >= 100);
    expect(kiosks.length).toBeGreaterThanOrEqual(3);
  });

  it("spreads every ring over at least two countries", () => {
    const country = new Map(accounts.map((row) => [row.account_id as string, row.country as string]));
    for (const [ring, ids] of members) expect(new Set(ids.map((id) => country.get(id))).size, ring).toBeGreaterThanOrEqual(2);
  });

  it("has bribed employees approve most of their ring's refunds, and ordinary refunds besides", () => {
    expect(insiders.size / members.size).toBeGreaterThan(0.5);
    for (const [ring, employees] of insiders) {
      const rows = refundsOf(ring);
      const approvedByInsiders = rows.filter((row) => employees.has(row.employee_id as string)).length;
      expect(approvedByInsiders / rows.length, ring).toBeGreaterThanOrEqual(0.6);
    }
    const bribed = new Set([...insiders.values()].flatMap((set) => [...set]));
    const honestByBribed = refunds.filter((row) => !ringOf.has(row.account_id as string) && bribed.has(row.employee_id as string));
    expect(honestByBribed.length).toBeGreaterThan(bribed.size * 5);
  });
});
