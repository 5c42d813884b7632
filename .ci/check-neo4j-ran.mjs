// Fails CI when the tests on a real Neo4j were skipped or missing: reads vitest's JSON report
// and requires every test of the neo4j project's files to have passed (none skipped).
import fs from "node:fs";

const report = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const isNeo4jFile = (file) => /[\\/]test[\\/](contract[\\/]neo4j\.test\.ts|neo4j[\\/])/.test(file);
const files = report.testResults.filter((r) => isNeo4jFile(r.name));
const tests = files.flatMap((f) => f.assertionResults);
const count = (status) => tests.filter((t) => t.status === status).length;
const notPassed = tests.filter((t) => t.status !== "passed");
if (files.length === 0 || tests.length === 0 || notPassed.length > 0) {
  console.error(`ci: the Neo4j half did not fully run: ${files.length} files, ${count("passed")} passed, ${notPassed.length} not passed`);
  for (const t of notPassed.slice(0, 20)) console.error(`  ${t.status}: ${[...t.ancestorTitles, t.title].join(" › ")}`);
  process.exit(1);
}
console.log(`ci: the Neo4j half ran on a real server: ${count("passed")} tests passed in ${files.length} files, none skipped`);
