/**
 * The deployment files wired right, without a Docker engine: docker-compose.yml parsed as YAML
 * and the Dockerfile read stage by stage, checked against what the code really reads
 * (server/config.ts) and really offers (the ringlens commands and their flags).
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../server/cli.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

interface Service {
  image?: string;
  build?: string | { context: string };
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  profiles?: string[];
  command?: string[];
}
const compose = parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const service = (name: string) => compose.services[name]!;

/** Environment names server/config.ts reads (it is the only reader of the environment). */
const configEnv = new Set([...read("server/config.ts").matchAll(/env\.([A-Z0-9_]+)/g)].map((m) => m[1]!));

/** Dockerfile stages: base image, name and instructions. */
function stages() {
  const out: { from: string; name?: string; lines: string[] }[] = [];
  const text = read("Dockerfile").replace(/\\\n\s*/g, " ");
  for (const line of text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) out.push({ from: from[1]!, name: from[2], lines: [] });
    else out.at(-1)!.lines.push(line);
  }
  return out;
}
const instruction = (lines: string[], name: string) => lines.filter((l) => l.toUpperCase().startsWith(`${name} `)).map((l) => l.slice(name.length + 1).trim());

/** Help text of a ringlens command, or null when it does not exist. */
async function helpOf(command: string): Promise<string | null> {
  let text = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => { text += String(chunk); return true; });
  const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    return (await main(["node", "ringlens", command, "--help"], {})) === 0 ? text : null;
  } finally {
    spy.mockRestore();
    err.mockRestore();
  }
}

/** Every `ringlens <command> --flags…` in a shell line, with the flags it uses. */
function ringlensCalls(line: string): { command: string; flags: string[] }[] {
  return [...line.matchAll(/ringlens\s+([a-z-]+)([^&|;]*)/g)].map((m) => ({ command: m[1]!, flags: [...m[2]!.matchAll(/--[a-z-]+/g)].map((f) => f[0]) }));
}

afterEach(() => vi.restoreAllMocks());

describe("docker-compose.yml", () => {
  it("has neo4j, app and a seed service under a profile", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["app", "neo4j", "seed"]);
    expect(service("seed").profiles).toEqual(["seed"]);
    expect(service("app").profiles).toBeUndefined();
  });

  it("pins a Neo4j 5 community image with auth from the environment, data and logs volumes and memory settings", () => {
    const neo4j = service("neo4j");
    expect(neo4j.image).toMatch(/^neo4j:5\.\d+\.\d+-community$/);
    // The version the test suite's real Neo4j runs (tools/neo4j/pom.xml): users run what was tested.
    const pom = fs.readFileSync(path.resolve(import.meta.dirname, "../../tools/neo4j/pom.xml"), "utf8");
    const tested = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom)![1];
    expect(neo4j.image).toBe(`neo4j:${tested}-community`);
    expect(neo4j.environment!.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD(:-[^}]{8,})?\}$/);
    expect(neo4j.volumes).toEqual(expect.arrayContaining([expect.stringMatching(/:\/data$/), expect.stringMatching(/:\/logs$/)]));
    for (const key of ["NEO4J_server_memory_heap_initial__size", "NEO4J_server_memory_heap_max__size", "NEO4J_server_memory_pagecache_size"]) {
      expect(neo4j.environment![key], key).toMatch(/^\d+[GM]$/);
    }
    for (const volume of neo4j.volumes!) expect(Object.keys(compose.volumes)).toContain(volume.split(":")[0]);
  });

  it("checks Neo4j's health over Bolt with cypher-shell and the configured credentials", () => {
    const test = service("neo4j").healthcheck!.test.join(" ");
    expect(test).toContain("cypher-shell");
    expect(test).toContain("bolt://localhost:7687");
    expect(test).toContain("RETURN 1");
    expect(test).toContain("NEO4J_AUTH");
  });

  it("builds the app from the Dockerfile, serves on port 3000 and starts once Neo4j is healthy", () => {
    const app = service("app");
    expect(app.build).toBe(".");
    expect(fs.existsSync(path.join(ROOT, "Dockerfile"))).toBe(true);
    expect(app.ports).toEqual(["3000:3000"]);
    expect(app.environment!.RINGLENS_PORT).toBe("3000");
    expect(app.environment!.RINGLENS_HOST).toBe("0.0.0.0");
    expect(app.depends_on).toEqual({ neo4j: { condition: "service_healthy" } });
    const health = app.healthcheck!.test.join(" ");
    expect(health).toMatch(/^CMD node -e /);
    expect(health).toContain("fetch('http://127.0.0.1:3000/api/health')");
  });

  it("points the app and the seed at the neo4j service with the password Neo4j was given", () => {
    for (const name of ["app", "seed"]) {
      const env = service(name).environment!;
      expect(env.NEO4J_URI, name).toBe("bolt://neo4j:7687");
      expect(env.NEO4J_USER, name).toBe("neo4j");
      expect(`neo4j/${env.NEO4J_PASSWORD}`, name).toBe(service("neo4j").environment!.NEO4J_AUTH);
      expect(service(name).depends_on, name).toEqual({ neo4j: { condition: "service_healthy" } });
    }
  });

  it("passes only settings that server/config.ts reads", () => {
    expect(configEnv.size).toBeGreaterThan(8);
    for (const name of ["app", "seed"]) {
      for (const key of Object.keys(service(name).environment!)) expect(configEnv, `${name}: ${key}`).toContain(key);
    }
  });

  it("seeds with real ringlens commands: demo, load, analyze against Neo4j", async () => {
    const line = service("seed").command!.join(" ");
    const calls = ringlensCalls(line);
    expect(calls.map((c) => c.command)).toEqual(["demo", "load", "analyze"]);
    for (const call of calls) {
      const help = await helpOf(call.command);
      expect(help, `ringlens ${call.command}`).not.toBeNull();
      for (const flag of call.flags) expect(help, `ringlens ${call.command} ${flag}`).toContain(flag);
    }
    expect(service("seed").image).toBe(service("app").image);
  });
});

describe("Dockerfile", () => {
  const all = stages();
  const build = all[0]!;
  const runtime = all.at(-1)!;

  it("builds on node:20-bookworm-slim with npm ci and the viewer build", () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(build.from).toBe("node:20-bookworm-slim");
    const runs = instruction(build.lines, "RUN").join("\n");
    expect(runs).toContain("npm ci");
    expect(runs).toContain("npm run build:client");
    expect(JSON.parse(read("package.json")).scripts["build:client"]).toBeDefined();
  });

  it("runs as a non-root user in the final stage, on node:20-bookworm-slim", () => {
    expect(runtime.from).toBe("node:20-bookworm-slim");
    const users = instruction(runtime.lines, "USER");
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
  });

  it("listens where compose expects and checks /api/health", () => {
    expect(instruction(runtime.lines, "EXPOSE")).toEqual(["3000"]);
    expect(instruction(runtime.lines, "ENV").join(" ")).toMatch(/RINGLENS_HOST=0\.0\.0\.0/);
    expect(instruction(runtime.lines, "HEALTHCHECK").join(" ")).toContain("/api/health");
  });

  it("starts a real ringlens command, with the ringlens binary linked on the PATH", async () => {
    const cmd = JSON.parse(instruction(runtime.lines, "CMD").at(-1)!) as string[];
    expect(cmd[0]).toBe("ringlens");
    expect(await helpOf(cmd[1]!)).toContain("serve the API and the viewer");
    expect(instruction(runtime.lines, "RUN").join(" ")).toContain("ln -s /app/bin/ringlens.mjs /usr/local/bin/ringlens");
    expect(fs.statSync(path.join(ROOT, "bin/ringlens.mjs")).mode & 0o111).not.toBe(0);
    expect(read("bin/ringlens.mjs").startsWith("#!/usr/bin/env node")).toBe(true);
  });

  it("copies into the runtime stage everything the server loads at run time", () => {
    const copied = instruction(runtime.lines, "COPY").flatMap((c) => c.split(/\s+/).filter((t) => !t.startsWith("--")).slice(0, -1)).map((s) => s.replace(/^\/app\//, ""));
    for (const needed of ["node_modules", "dist", "bin", "server", "cypher", "package.json"]) expect(copied).toContain(needed);
  });

  it("runs on what `npm prune --omit=dev` keeps: server and bin import only runtime dependencies", () => {
    const pkg = JSON.parse(read("package.json")) as { dependencies: Record<string, string> };
    const files = [path.join(ROOT, "bin/ringlens.mjs"), ...listFiles(path.join(ROOT, "server"))];
    const specifiers = (text: string) => [
      ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm),
      ...text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g),
    ].map((m) => m[1]!).filter((spec) => !spec.startsWith("."));
    const packages = new Set(files.flatMap((f) => specifiers(fs.readFileSync(f, "utf8")))
      .filter((spec) => !spec.startsWith("node:"))
      .map((spec) => (spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!)));
    expect(packages.size).toBeGreaterThan(10);
    for (const name of packages) expect(pkg.dependencies, name).toHaveProperty([name]);
  });

  it("keeps secrets, local installs and stores out of the build context", () => {
    const ignored = read(".dockerignore").split("\n").map((l) => l.trim());
    for (const entry of ["node_modules", ".env", "data", "dist", ".git"]) expect(ignored).toContain(entry);
  });
});

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : /\.(ts|mjs|js)$/.test(e.name) ? [p] : [];
  });
}
