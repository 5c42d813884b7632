import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SERVER = path.resolve(import.meta.dirname, "../../server");
const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
  const p = path.join(dir, e.name);
  return e.isDirectory() ? files(p) : e.name.endsWith(".ts") ? [p] : [];
});
const importers = (pkg: string) => files(SERVER)
  .filter((f) => new RegExp(`from "${pkg}"|import\\("${pkg}"\\)`).test(fs.readFileSync(f, "utf8")))
  .map((f) => path.relative(SERVER, f));

describe("one import boundary per outside world", () => {
  it("only server/store/neo4j* imports neo4j-driver", () => {
    const found = importers("neo4j-driver");
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((f) => !/^store\/neo4j-[\w-]+\.ts$/.test(f))).toEqual([]);
  });

  it("only server/store/embedded* imports the embedded engine", () => {
    expect(importers("kuzu").filter((f) => !/^store\/embedded-[\w-]+\.ts$/.test(f))).toEqual([]);
  });
});
