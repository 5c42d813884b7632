import { describe, expect, it } from "vitest";
import { detectRings } from "../../../server/domain/rings/detect-rings.ts";
import { DAY, NOW, SyntheticWorld } from "../helpers/synthetic-world.ts";

/**
 * A refund-as-a-service ring: customers in three countries with nothing of their own in common,
 * whose refunds an operator claimed from one device, quoting one handle in most contacts; and a
 * store kiosk from which 80 honest customers contacted support.
 */
function serviceWorld() {
  const world = new SyntheticWorld(5);
  for (let h = 0; h < 40; h++) world.household(1 + (h % 3));
  const customers = ["US", "GB", "NL", "US", "CA", "GB"].map((country) => world.account(country, 900));
  customers.forEach((id, i) => {
    world.link(id, "Device", `own-${i}`);
    world.link(id, "Address", `home-${i}`);
    world.link(id, "ContactDevice", "operator-laptop");
    if (i < 4) world.link(id, "Handle", "refund_king");
    for (let r = 0; r < 2; r++)
      world.refund(id, {
        employeeId: "agent-bribed",
        amount: 1800,
        category: "laptop",
        returned: false,
        requestedAt: NOW - (20 - i) * DAY,
      });
  });
  const kioskUsers = Array.from({ length: 80 }, () => world.single("US"));
  for (const id of kioskUsers) world.link(id, "ContactDevice", "store-kiosk");
  return { input: world.build(), customers, kioskUsers };
}

describe("support-contact links", () => {
  it("finds a service ring tied only by its operator's contacts, with the reason saying so", () => {
    const { input, customers } = serviceWorld();
    const result = detectRings(input, { now: NOW });
    const ring = result.rings.find((r) => r.accountIds.includes(customers[0]!))!;
    expect(ring.accountIds).toEqual([...customers].sort());
    expect(ring.level).not.toBe("low");
    expect(ring.reasons.find((r) => r.code === "identifier-sharing")!.label).toBe("6 accounts served from the same support-contact device");
    expect(ring.insiders.map((i) => i.employeeId)).toEqual(["agent-bribed"]);
  });

  it("does not link the accounts served from a store kiosk: it is a hub of its kind", () => {
    const { input, kioskUsers } = serviceWorld();
    const result = detectRings(input, { now: NOW });
    const users = new Set(kioskUsers);
    expect(result.rings.filter((r) => r.accountIds.some((a) => users.has(a)))).toEqual([]);
    expect(result.hubs).toContainEqual({ kind: "ContactDevice", identifierId: "store-kiosk", accounts: 80 });
  });

  it("follows the link policy's contact entries: without contact-device the service ring is gone", () => {
    const { input, customers } = serviceWorld();
    const result = detectRings(input, { now: NOW, linkPolicy: { "contact-device": { link: false }, handle: { link: false } } });
    expect(result.rings.some((r) => r.accountIds.includes(customers[0]!))).toBe(false);
  });
});
