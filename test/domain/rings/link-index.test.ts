import { describe, expect, it } from "vitest";
import { identifierDegree, identifierKey, indexLinks } from "../../../server/domain/rings/link-index.ts";

describe("indexLinks", () => {
  const index = indexLinks({
    accounts: [{ id: "a", createdAt: null, country: null }],
    links: [
      { accountId: "a", kind: "Device", identifierId: "x" },
      { accountId: "b", kind: "Device", identifierId: "x" },
      { accountId: "b", kind: "Device", identifierId: "x" },
      { accountId: "b", kind: "Address", identifierId: "x" },
    ],
  });

  it("counts distinct accounts per identifier, once per account", () => {
    expect(identifierDegree(index, 0)).toBe(2);
    expect(identifierDegree(index, 1)).toBe(1);
  });

  it("keeps kinds apart: a Device and an Address with the same id are two identifiers", () => {
    expect([identifierKey(index, 0), identifierKey(index, 1)]).toEqual(["Device:x", "Address:x"]);
  });

  it("interns accounts seen only in links, after the listed accounts", () => {
    expect(index.accountIds).toEqual(["a", "b"]);
    const b = index.accounts.indexOf("b");
    expect(Array.from(index.accountIdents.subarray(index.accountStart[b], index.accountStart[b + 1]))).toEqual([0, 1]);
  });
});
