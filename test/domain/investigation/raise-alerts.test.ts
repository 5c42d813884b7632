import { describe, expect, it } from "vitest";
import { raiseCaseAlerts, type AlertInput } from "../../../server/domain/investigation/raise-alerts.ts";
import { matchLineage } from "../../../server/domain/investigation/ring-lineage.ts";
import type { LinkFact } from "../../../server/domain/analysis-types.ts";

const link = (accountId: string, kind: LinkFact["kind"], identifierId: string): LinkFact => ({ accountId, kind, identifierId });

/** Ring R of a, b (sharing device d1) gains n, who uses d1 too; o shares only a hub address with a. */
function world(status: "new" | "investigating" | "confirmed" | "dismissed", overrides: Partial<AlertInput> = {}): AlertInput {
  const previous = [{ id: "R", accountIds: ["a", "b"] }];
  const next = [{ id: "R", accountIds: ["a", "b", "n"] }];
  return {
    cases: [{ id: "C", ringId: "R", status }],
    lineage: matchLineage(previous, next),
    previousMembers: new Map(previous.map((r) => [r.id, r.accountIds])),
    links: () => [
      link("a", "Device", "d1"),
      link("b", "Device", "d1"),
      link("n", "Device", "d1"),
      link("a", "Address", "hub"),
      link("o", "Address", "hub"),
    ],
    linking: new Set(["Device", "Address"]),
    hubs: new Set(["Address:hub"]),
    ...overrides,
  };
}

describe("raiseCaseAlerts", () => {
  it("names the account that came back, the confirmed ring and the identifier it shares with a known member", () => {
    const alerts = raiseCaseAlerts(world("confirmed"));
    expect(alerts.map((a) => a.kind).sort()).toEqual(["linked-to-confirmed", "ring-grew"]);
    expect(alerts.find((a) => a.kind === "linked-to-confirmed")).toMatchObject({
      accountId: "n",
      ringId: "R",
      caseId: "C",
      identifier: { kind: "Device", id: "d1" },
      detail: { member: "a" },
    });
  });

  it("ignores hubs and identifier kinds the policy does not link", () => {
    const ipOnly = world("confirmed", {
      links: () => [link("a", "IP", "1.2.3.4"), link("n", "IP", "1.2.3.4"), link("a", "Address", "hub"), link("o", "Address", "hub")],
    });
    expect(raiseCaseAlerts(ipOnly).filter((a) => a.kind === "linked-to-confirmed")).toEqual([]);
  });

  it("raises ring-grew under investigation, dismissed-changed when dismissed, nothing for a new case", () => {
    expect(raiseCaseAlerts(world("investigating")).map((a) => a.kind)).toEqual(["ring-grew"]);
    expect(raiseCaseAlerts(world("dismissed")).map((a) => a.kind)).toEqual(["dismissed-changed"]);
    expect(raiseCaseAlerts(world("new"))).toEqual([]);
  });

  it("gives the same finding the same id, so it is stored once", () => {
    expect(raiseCaseAlerts(world("confirmed")).map((a) => a.id)).toEqual(raiseCaseAlerts(world("confirmed")).map((a) => a.id));
  });
});
