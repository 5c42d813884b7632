import { describe, expect, it } from "vitest";
import { FILE_KINDS } from "../../../server/ingest/file-specs.ts";
import type { PendingRows } from "../../../server/ingest/pending-batch.ts";
import { createStagingMemory } from "../../../server/ingest/stagers/stager.ts";
import { STAGERS } from "../../../server/ingest/stagers/stagers.ts";
import { UPSERT_ORDER } from "../../../server/store/graph-store.ts";

const emptyRows = () => Object.fromEntries(UPSERT_ORDER.map((k) => [k, new Map()])) as unknown as PendingRows;
const staged = (rows: PendingRows) => Object.fromEntries(UPSERT_ORDER.filter((k) => rows[k].size > 0).map((k) => [k, [...rows[k].keys()]]));

describe("staging validated records as graph rows", () => {
  it("has a stager for every input file kind", () => {
    expect(Object.keys(STAGERS).sort()).toEqual([...FILE_KINDS].sort());
  });

  it("stages an account with its normalised contacts and remembers it for later files", () => {
    const rows = emptyRows();
    const memory = createStagingMemory();
    const result = STAGERS.accounts({ account_id: "A1", country: "US", email: "Foo@Bar.com", phone: "(212) 555-2368" }, rows, memory);
    expect(result).toMatchObject({ key: "A1", placeholder: false });
    expect(staged(rows)).toEqual({
      Account: ["A1"],
      Email: ["foo@bar.com"],
      Phone: ["+12125552368"],
      HAS_EMAIL: ["A1\u0000account"],
      HAS_PHONE: ["A1\u0000account"],
    });
    expect(memory.known.accounts.has("A1")).toBe(true);
    expect(memory.countries.get("A1")).toBe("US");
  });

  it("links no placeholder identifier, and says the record carried one", () => {
    const rows = emptyRows();
    const memory = createStagingMemory();
    expect(STAGERS.accounts({ account_id: "A2", email: "test@test.com", phone: null }, rows, memory).placeholder).toBe(true);
    expect(
      STAGERS.devices({ account_id: "A2", device_id: "00000000-0000-0000-0000-000000000000", ip: null }, rows, memory).placeholder,
    ).toBe(true);
    expect(STAGERS.identifiers({ account_id: "A2", type: "payment", value: "0000" }, rows, memory).placeholder).toBe(true);
    expect(staged(rows)).toEqual({ Account: ["A2"] });
  });

  it("keeps a payment's type and last4 when identifiers.csv names it again", () => {
    const rows = emptyRows();
    const memory = createStagingMemory();
    STAGERS.payments({ account_id: "A1", payment_id: "card-1", type: "VISA", last4: "1234" }, rows, memory);
    STAGERS.identifiers({ account_id: "A2", type: "payment", value: "card-1" }, rows, memory);
    expect([...rows.Payment.values()]).toEqual([{ id: "card-1", type: "visa", last4: "1234" }]);
    expect([...rows.PAYS_WITH.keys()]).toEqual(["A1\u0000card-1", "A2\u0000card-1"]);
  });
});
