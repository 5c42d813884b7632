import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFolder, type ImportReport } from "../../server/ingest/import-folder.ts";
import { openEmbeddedStore, type EmbeddedStore } from "../../server/store/embedded-store.ts";
import { readMapping } from "../../server/ingest/mapping.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";
import { readCsv } from "../helpers/read-csv.ts";
import { adHoc } from "../helpers/ad-hoc-cypher.ts";

const FOLDER = path.join(FIXTURES, "contacts");
const T = 5000;

describe("load of contacts.csv (support contacts)", () => {
  const dir = tempDir();
  let store: EmbeddedStore;
  let report: ImportReport;
  let rejects: Record<string, string>[];

  beforeAll(async () => {
    store = await openEmbeddedStore({ folder: path.join(dir, "db") });
    await store.ensureSchema();
    report = await importFolder({ folder: FOLDER, store, rejectFile: path.join(dir, "rejects.csv") });
    rejects = readCsv(report.rejectFile);
  });
  afterAll(() => store.close());

  const contacts = () => report.files.find((f) => f.kind === "contacts")!;
  const rejected = (line: number) => rejects.filter((r) => r.file === "contacts.csv" && Number(r.line) === line);
  const rows = async (text: string) => (await store.query(adHoc(text), {}, { timeoutMs: T })).rows;

  it("loads the valid contacts, drops the identical repeat and counts the placeholder device", () => {
    expect(contacts()).toMatchObject({ read: 51, loaded: 45, rejected: 5, duplicates: 1, placeholders: 1 });
  });

  it("rejects a missing contact_id, unknown account, refund and employee, and a bad date, naming file, line and column", () => {
    expect(rejected(6)).toMatchObject([{ column: "contact_id" }]);
    expect(rejected(7)).toMatchObject([{ column: "account_id" }]);
    expect(rejected(8)).toMatchObject([{ column: "refund_id" }]);
    expect(rejected(8)[0]!.reason).toMatch(/"R99" is not in refunds/);
    expect(rejected(9)).toMatchObject([{ column: "employee_id" }]);
    expect(rejected(10)).toMatchObject([{ column: "at" }]);
    expect(rejects.filter((r) => r.file === "contacts.csv")).toHaveLength(5);
  });

  it("ties each contact to its account, refund and agent, and to the same identifier nodes accounts use", async () => {
    expect(await store.counts()).toMatchObject({
      Contact: 45,
      HAS_CONTACT: 45,
      DISCUSSED_IN: 44,
      HANDLED: 44,
      FROM_DEVICE: 44,
      FROM_PHONE: 2,
      FROM_EMAIL: 1,
      FROM_IP: 42,
      FROM_HANDLE: 3,
      Handle: 1,
      Device: 6,
      Phone: 6,
      Email: 6,
      IP: 6,
    });
    expect(
      await rows(
        "MATCH (a:Account)-[:HAS_CONTACT]->(c:Contact {id: 'C1'})<-[:DISCUSSED_IN]-(f:Refund) MATCH (e:Employee)-[:HANDLED]->(c) RETURN a.id AS a, f.id AS f, e.id AS e, c.channel AS channel",
      ),
    ).toEqual([{ a: "S1", f: "R10", e: "E1", channel: "chat" }]);
  });

  it("normalises contact phones, emails and handles as accounts' are, and keeps a known device's ip and user agent", async () => {
    expect(await rows("MATCH (:Contact)-[:FROM_PHONE]->(p:Phone) RETURN DISTINCT p.id AS id")).toEqual([{ id: "+14155550000" }]);
    expect(await rows("MATCH (:Contact)-[:FROM_EMAIL]->(x:Email) RETURN x.id AS id")).toEqual([{ id: "op.desk@proton.test" }]);
    expect(await rows("MATCH (h:Handle) RETURN h.id AS id")).toEqual([{ id: "refund_king" }]);
    expect(await rows("MATCH (d:Device {id: 'dev-op'}) RETURN d.ip AS ip, d.userAgent AS ua")).toEqual([
      { ip: "81.2.69.142", ua: "OperatorBrowser/1.0" },
    ]);
    expect(await rows("MATCH (:Contact {id: 'C10'})-[r]->() RETURN count(r) AS n")).toEqual([{ n: 0 }]);
  });

  it("changes nothing when the same folder is loaded again", async () => {
    const before = await store.counts();
    const again = await importFolder({ folder: FOLDER, store, rejectFile: path.join(dir, "rejects-again.csv") });
    expect(again.files.find((f) => f.kind === "contacts")).toMatchObject({ loaded: 45, rejected: 5 });
    expect(await store.counts()).toEqual(before);
  });
});

describe("load of support contacts under the user's own file and column names", () => {
  const dir = tempDir();
  let store: EmbeddedStore;
  afterAll(() => store?.close());

  it("reads contacts from the file and columns the mapping names", async () => {
    const folder = path.join(dir, "mapped");
    fs.mkdirSync(folder);
    for (const name of ["accounts.csv", "employees.csv", "refunds.csv", "devices.csv"])
      fs.copyFileSync(path.join(FOLDER, name), path.join(folder, name));
    const text = fs
      .readFileSync(path.join(FOLDER, "contacts.csv"), "utf8")
      .replace(/^contact_id,/, "ticket_no,")
      .replace(",handle\n", ",telegram\n");
    fs.writeFileSync(path.join(folder, "support-tickets.csv"), text);
    const mappingFile = path.join(dir, "mapping.json");
    fs.writeFileSync(
      mappingFile,
      JSON.stringify({
        files: { contacts: "support-tickets.csv" },
        columns: { contacts: { contact_id: "ticket_no", handle: "telegram" } },
      }),
    );
    store = await openEmbeddedStore({ folder: path.join(dir, "db") });
    await store.ensureSchema();
    const report = await importFolder({ folder, store, rejectFile: path.join(dir, "rejects.csv"), mapping: readMapping(mappingFile) });
    expect(report.files.find((f) => f.kind === "contacts")).toMatchObject({ loaded: 45, rejected: 5 });
    expect(await store.counts()).toMatchObject({ Contact: 45, Handle: 1, FROM_HANDLE: 3 });
  });
});
