import { describe, expect, it } from "vitest";
import { DEFAULT_LINK_POLICY, linkingLabels, resolveLinkPolicy } from "../../../server/domain/rings/link-policy.ts";
import { detectRings } from "../../../server/domain/rings/detect-rings.ts";
import { RinglensError } from "../../../server/errors.ts";

describe("link policy", () => {
  it("links every kind but IP by default, support-contact identifiers included", () => {
    expect(linkingLabels(resolveLinkPolicy())).toEqual([
      "Address",
      "Device",
      "Email",
      "Phone",
      "Payment",
      "ContactDevice",
      "ContactPhone",
      "ContactEmail",
      "Handle",
    ]);
    expect(resolveLinkPolicy({ "contact-ip": { link: true } })["contact-ip"].link).toBe(true);
    expect(resolveLinkPolicy({ ContactDevice: { hubThreshold: 5 } })["contact-device"].hubThreshold).toBe(5);
    expect(resolveLinkPolicy({ IP: { link: true } }).ip).toEqual({ ...DEFAULT_LINK_POLICY.ip, link: true });
  });
  it("names the kind and key it refuses", () => {
    expect(() => resolveLinkPolicy({ fax: {} })).toThrow(RinglensError);
    expect(() => resolveLinkPolicy({ phone: { weight: -1 } })).toThrow(/phone\.weight/);
    expect(() => resolveLinkPolicy({ phone: { hubThreshold: 0 } })).toThrow(/phone\.hubThreshold/);
  });
  it("joins accounts only through kinds that link, and holds each kind to its own hub threshold", () => {
    const links = [
      { accountId: "a", kind: "IP" as const, identifierId: "1.2.3.4" },
      { accountId: "b", kind: "IP" as const, identifierId: "1.2.3.4" },
      { accountId: "c", kind: "Phone" as const, identifierId: "+1" },
      { accountId: "d", kind: "Phone" as const, identifierId: "+1" },
      { accountId: "e", kind: "Phone" as const, identifierId: "+1" },
    ];
    const input = { accounts: [], links, refunds: [] };
    const sizes = (linkPolicy: object) => detectRings(input, { now: 0, linkPolicy }).rings.map((r) => r.accountIds.join(""));
    expect(sizes({})).toEqual(["cde"]);
    expect(sizes({ ip: { link: true } }).sort()).toEqual(["ab", "cde"]);
    expect(sizes({ phone: { hubThreshold: 2 } })).toEqual([]);
  });
});
