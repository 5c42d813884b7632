/**
 * Writes cypher/schema/embedded.cypher and neo4j.cypher from the graph description
 * (server/schema/graph-schema.ts). `npm run schema:write` after changing the description;
 * test/schema/schema-files.test.ts fails until the files match.
 */
import fs from "node:fs";
import { kuzuDdlFile } from "../../server/schema/kuzu-ddl.ts";
import { neo4jDdlFile } from "../../server/schema/neo4j-ddl.ts";

export const SCHEMA_FILES = {
  "cypher/schema/embedded.cypher": kuzuDdlFile,
  "cypher/schema/neo4j.cypher": neo4jDdlFile,
} as const;

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [file, text] of Object.entries(SCHEMA_FILES)) {
    fs.writeFileSync(new URL(`../../${file}`, import.meta.url), text());
    console.info(`schema: wrote ${file}`);
  }
}
