/**
 * cypher/schema/*.cypher are for people reading the schema; the stores apply the DDL derived
 * from the graph description. These files must say the same: regenerate them with
 * `npm run schema:write` after changing server/schema/graph-schema.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEMA_FILES } from "../../tools/schema/write-schema-files.ts";
import { kuzuDdl } from "../../server/schema/kuzu-ddl.ts";
import { neo4jDdl } from "../../server/schema/neo4j-ddl.ts";
import { statementBody } from "../../server/cypher/cypher-files.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const statementsOf = (text: string) =>
  text
    .split(/;\s*\n/)
    .map(statementBody)
    .filter(Boolean);

describe("cypher/schema files", () => {
  for (const [file, generate] of Object.entries(SCHEMA_FILES)) {
    it(`${file} is the DDL derived from the graph description`, () => {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      expect(text, `${file} disagrees with server/schema/graph-schema.ts: run npm run schema:write`).toBe(generate());
    });
  }

  it("hold exactly the statements the stores apply", () => {
    expect(statementsOf(fs.readFileSync(path.join(ROOT, "cypher/schema/embedded.cypher"), "utf8"))).toEqual(kuzuDdl());
    expect(statementsOf(fs.readFileSync(path.join(ROOT, "cypher/schema/neo4j.cypher"), "utf8"))).toEqual(neo4jDdl());
  });
});
