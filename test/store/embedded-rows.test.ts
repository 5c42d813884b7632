/**
 * The embedded store's row reader: every row of a finished result, in order, with the event loop
 * getting turns during a large read (so one big page never holds up the API's other requests).
 */
import { Connection, Database, type QueryResult } from "kuzu";
import { afterAll, describe, expect, it } from "vitest";
import { readAllRows } from "../../server/store/embedded-rows.ts";

const db = new Database(":memory:");
const conn = new Connection(db);
afterAll(async () => {
  await conn.close();
  await db.close();
});

async function result(statement: string): Promise<QueryResult> {
  const r = await conn.query(statement);
  return Array.isArray(r) ? r[r.length - 1]! : r;
}

describe("reading an embedded result", () => {
  it("returns every row in the engine's order, across slice boundaries", async () => {
    const r = await result("UNWIND range(1, 5000) AS i RETURN i, 'n' + CAST(i AS STRING) AS name");
    const rows = await readAllRows<{ i: number; name: string }>(r, 100);
    r.close();
    expect(rows).toHaveLength(5000);
    expect(rows[0]).toEqual({ i: 1, name: "n1" });
    expect(rows[4999]).toEqual({ i: 5000, name: "n5000" });
    expect(rows.every((row, k) => row.i === k + 1)).toBe(true);
  });

  it("returns no rows for an empty result", async () => {
    const r = await result("UNWIND range(1, 0) AS i RETURN i");
    expect(await readAllRows(r)).toEqual([]);
    r.close();
  });

  it("lets other work run between slices of a large read", async () => {
    const r = await result("UNWIND range(1, 3000) AS i RETURN i");
    const order: string[] = [];
    const reading = readAllRows(r, 1000).then((rows) => order.push(`read ${rows.length}`));
    setImmediate(() => order.push("other work"));
    await reading;
    r.close();
    expect(order).toEqual(["other work", "read 3000"]);
  });
});
