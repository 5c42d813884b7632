/**
 * One import boundary per outside world (STYLE.md): checks every source file's imports.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir, f));
}

function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+["']([^"']+)["']/gms)) out.push({ spec: m[3]!, typeOnly: Boolean(m[2]) });
  for (const m of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) out.push({ spec: m[1]!, typeOnly: false });
  return out;
}

const packageOf = (spec: string) => (spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);

const OWNERS: Record<string, (file: string) => boolean> = {
  kuzu: (f) => /^server\/store\/embedded[^/]*\.ts$/.test(f),
  "neo4j-driver": (f) => /^server\/store\/neo4j[^/]*\.ts$/.test(f),
  express: (f) => f.startsWith("server/api/"),
  helmet: (f) => f.startsWith("server/api/"),
  "express-rate-limit": (f) => f.startsWith("server/api/"),
  "pino-http": (f) => f.startsWith("server/api/"),
};

describe("import boundaries", () => {
  const server = sources("server");

  it("only the adapter imports its engine or driver, and only the API imports Express", () => {
    const offenders: string[] = [];
    for (const file of server) {
      for (const { spec } of importsOf(file)) {
        const owner = OWNERS[packageOf(spec)];
        if (owner && !owner(file)) offenders.push(`${file} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  // libphonenumber-js is data and pure functions (phone metadata), no I/O: phone normalisation belongs to the domain.
  it("keeps server/domain pure: no I/O, no outside packages but graphology and libphonenumber-js, only its own modules and the error typology", () => {
    const offenders: string[] = [];
    for (const file of server.filter((f) => f.startsWith("server/domain/"))) {
      for (const { spec } of importsOf(file)) {
        if (spec.startsWith(".")) {
          const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec));
          if (!target.startsWith("server/domain/") && target !== "server/errors.ts") offenders.push(`${file} imports ${spec}`);
        } else if (!/^(graphology|libphonenumber-js$)/.test(spec)) {
          offenders.push(`${file} imports ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("lets the client take only types from the server", () => {
    const offenders = sources("client").flatMap((file) => importsOf(file)
      .filter(({ spec, typeOnly }) => spec.includes("/server/") && !typeOnly)
      .map(({ spec }) => `${file} imports ${spec}`));
    expect(offenders).toEqual([]);
  });
});
