/**
 * One import boundary per outside world, and the layers between client, wire contract and server:
 * checks every source file's imports (the import graph is read by test/helpers/source-imports.ts).
 */
import { describe, expect, it } from "vitest";
import { importsOf, resolveImport, sources } from "../helpers/source-imports.ts";

const packageOf = (spec: string) => (spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);

const OWNERS: Record<string, (file: string) => boolean> = {
  kuzu: (f) => /^server\/store\/embedded[^/]*\.ts$/.test(f),
  // The driver boundary: the adapter's session, its value conversions and its error mapping.
  "neo4j-driver": (f) => ["server/store/neo4j-store.ts", "server/store/neo4j-values.ts", "server/store/neo4j-errors.ts"].includes(f),
  express: (f) => f.startsWith("server/api/"),
  helmet: (f) => f.startsWith("server/api/"),
  "express-rate-limit": (f) => f.startsWith("server/api/"),
  "pino-http": (f) => f.startsWith("server/api/"),
  "pino-pretty": (f) => f === "server/log/pretty-destination.ts",
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
  // zod is pure validation, no I/O: the detection settings' one schema lives with their defaults in the
  // domain, and the CLI and the API check their input against it, so there is one set of bounds.
  // The domain's node rows are the graph description's (NodeRow): a type-only import of plain data.
  it("keeps server/domain pure: no I/O, no outside packages but graphology, libphonenumber-js and zod, only its own modules, the error typology and the graph description's types", () => {
    const offenders: string[] = [];
    for (const file of server.filter((f) => f.startsWith("server/domain/"))) {
      for (const { spec, typeOnly } of importsOf(file)) {
        const target = resolveImport(file, spec);
        if (target !== null) {
          const description = typeOnly && target === "server/schema/graph-schema.ts";
          if (!target.startsWith("server/domain/") && target !== "server/errors.ts" && !description)
            offenders.push(`${file} imports ${spec}`);
        } else if (!/^(graphology|libphonenumber-js$|zod$)/.test(spec)) {
          offenders.push(`${file} imports ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  // The wire contract (wire/) is what both sides agree on: the client reaches the server only
  // through it, and it holds nothing the client could run.
  it("lets the client import nothing from the server, only the wire contract, type-only", () => {
    const offenders = sources("client").flatMap((file) =>
      importsOf(file).flatMap(({ spec, typeOnly }) => {
        const target = resolveImport(file, spec);
        if (target === null || target.startsWith("client/")) return [];
        return target.startsWith("wire/") && typeOnly ? [] : [`${file} imports ${spec}`];
      }),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps the wire contract to types, taking only domain types and the graph description from the server", () => {
    const offenders = sources("wire").flatMap((file) =>
      importsOf(file).flatMap(({ spec, typeOnly }) => {
        const target = resolveImport(file, spec);
        const allowed =
          typeOnly &&
          target !== null &&
          (target.startsWith("wire/") || target.startsWith("server/domain/") || target === "server/schema/graph-schema.ts");
        return allowed ? [] : [`${file} imports ${spec}`];
      }),
    );
    expect(offenders).toEqual([]);
  });

  it("leaves the command line to its root: no server module outside the CLI imports server/cli.ts or server/cli/", () => {
    const offenders = server
      .filter((f) => f !== "server/cli.ts" && !f.startsWith("server/cli/"))
      .flatMap((file) =>
        importsOf(file)
          .filter(({ spec }) => {
            const t = resolveImport(file, spec);
            return t !== null && (t === "server/cli.ts" || t.startsWith("server/cli/"));
          })
          .map(({ spec }) => `${file} imports ${spec}`),
      );
    expect(offenders).toEqual([]);
  });
});
