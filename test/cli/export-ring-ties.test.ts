/**
 * `ringlens rings` on bridged crews with a household on a member's tablet: members and attached
 * accounts each on their row with their role (the attachment's reason in `note`), and every
 * row of a ring names the rings it is linked to and through what.
 */
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";

describe("ringlens rings with linked rings and attached accounts", () => {
  const dir = tempDir();
  const db = path.join(dir, "db");

  beforeAll(async () => {
    expect((await runCli(["load", path.join(FIXTURES, "bridged-crews"), "--db", db, "--rejects", path.join(dir, "r.csv")])).code).toBe(0);
    expect((await runCli(["analyze", "--db", db, "--hub-threshold", "30"])).code).toBe(0);
  }, 120_000);

  it("writes members and attached accounts with their role, and the linked rings of each ring", async () => {
    const { code, stdout } = await runCli(["rings", "--db", db]);
    expect(code).toBe(0);
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    const ringOf = (id: string) => rows.find((r) => r.account_id === id)!.ring_id;
    const [a, b] = [ringOf("CA1"), ringOf("CB1")];
    expect(a).not.toBe(b);
    const attached = rows.filter((r) => r.role === "attached");
    expect(attached.map((r) => [r.account_id, r.ring_id])).toEqual([
      ["HR1", a],
      ["HR2", a],
    ]);
    expect(attached[0]!.note).toMatch(/^shares only device TAB with member CA4/);
    expect(rows.filter((r) => r.ring_id === a && r.role === "member")).toHaveLength(6);
    expect(rows.find((r) => r.account_id === "CA2")!.linked_rings).toBe(`${b} via Device:DA1`);
    expect(rows.find((r) => r.account_id === "CB2")!.linked_rings).toBe(`${a} via Device:DA1`);
  });
});
