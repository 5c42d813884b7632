/**
 * The deployment files wired right, without a Docker engine: docker-compose.yml parsed as YAML,
 * its variables resolved as compose does and its Neo4j healthcheck run against a stand-in
 * cypher-shell, and the Dockerfile read stage by stage, checked against what the code really
 * reads (loadConfig), really offers (the ringlens commands and their flags) and really tests
 * (tools/neo4j/pom.xml's Neo4j and plugins).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { parse } from "yaml";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../server/cli.ts";
import { loadConfig } from "../../server/config.ts";

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
const compose = parse(read("docker-compose.yml"), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const service = (name: string) => compose.services[name]!;

/** Environment names loadConfig reads (it is the only reader of the environment), recorded as it reads them. */
const configEnv = (() => {
  const names = new Set<string>();
  loadConfig(
    new Proxy(
      {},
      {
        get: (_target, name) => {
          if (typeof name === "string") names.add(name);
          return undefined;
        },
      },
    ),
  );
  return names;
})();

/** A service's environment as compose resolves it: `${VAR}`, `${VAR:-default}` from `env`, `$$` a literal `$`. */
function resolved(name: string, env: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(service(name).environment ?? {})) {
    out[key] = String(value).replace(
      /\$\$|\$\{([A-Z0-9_]+)(?::-([^}]*))?\}/g,
      (whole, variable: string | undefined, fallback: string | undefined) => (whole === "$$" ? "$" : env[variable!] || (fallback ?? "")),
    );
  }
  return out;
}

/** A command as compose hands it to the container: `$$` is a literal `$`. */
const unescapeDollars = (text: string) => text.replaceAll("$$", "$");

function mounts(s: Service): { source: string; target: string }[] {
  return (s.volumes ?? []).map((v) => ({ source: v.split(":")[0]!, target: v.split(":")[1]! }));
}

function portMappings(s: Service): { host: number; container: number }[] {
  return (s.ports ?? []).map((p) => ({ host: Number(p.split(":")[0]), container: Number(p.split(":")[1]) }));
}

/** The dependencies of tools/neo4j/pom.xml, their `${property}` versions resolved. */
function pomDependencies(): { groupId: string; artifactId: string; version: string }[] {
  const pom = read("tools/neo4j/pom.xml");
  const properties = /<properties>([\s\S]*?)<\/properties>/.exec(pom)![1]!;
  const property = new Map([...properties.matchAll(/<([\w.-]+)>([^<]*)<\/\1>/g)].map((m) => [m[1]!, m[2]!.trim()]));
  const tag = (block: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(block)?.[1]?.trim() ?? "";
  return [...pom.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)].map(([, block]) => ({
    groupId: tag(block!, "groupId"),
    artifactId: tag(block!, "artifactId"),
    version: tag(block!, "version").replace(/^\$\{([^}]+)\}$/, (_, name: string) => property.get(name) ?? `\${${name}}`),
  }));
}

function pomDependency(groupId: string, artifactId: string) {
  const found = pomDependencies().find((d) => d.groupId === groupId && d.artifactId === artifactId);
  expect(found, `${groupId}:${artifactId} in tools/neo4j/pom.xml`).toBeDefined();
  return found!;
}

/** Dockerfile stages: base image, name and instructions. */
function stages() {
  const out: { from: string; name?: string; lines: string[] }[] = [];
  const text = read("Dockerfile").replace(/\\\n\s*/g, " ");
  for (const line of text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) out.push({ from: from[1]!, name: from[2], lines: [] });
    else out.at(-1)!.lines.push(line);
  }
  return out;
}
const instruction = (lines: string[], name: string) =>
  lines.filter((l) => l.toUpperCase().startsWith(`${name} `)).map((l) => l.slice(name.length + 1).trim());

/** Help text of a ringlens command, or null when it does not exist. */
async function helpOf(command: string): Promise<string | null> {
  let text = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    text += String(chunk);
    return true;
  });
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
  return [...line.matchAll(/ringlens\s+([a-z-]+)([^&|;]*)/g)].map((m) => ({
    command: m[1]!,
    flags: [...m[2]!.matchAll(/--[a-z-]+/g)].map((f) => f[0]),
  }));
}

afterEach(() => vi.restoreAllMocks());

describe("docker-compose.yml", () => {
  it("has neo4j, app and a seed service under a profile", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["app", "neo4j", "seed"]);
    expect(service("seed").profiles).toEqual(["seed"]);
    expect(service("app").profiles).toBeUndefined();
  });

  it("pins the Neo4j 5 community image the tests run (tools/neo4j/pom.xml), with data and logs volumes and memory settings", () => {
    const neo4j = service("neo4j");
    const tested = pomDependency("org.neo4j", "neo4j").version;
    expect(tested).toMatch(/^5\.\d+\.\d+$/);
    expect(neo4j.image).toBe(`neo4j:${tested}-community`);
    const env = resolved("neo4j", {});
    expect(mounts(neo4j)).toEqual(
      expect.arrayContaining([
        { source: "neo4j-data", target: "/data" },
        { source: "neo4j-logs", target: "/logs" },
      ]),
    );
    for (const { source } of mounts(neo4j)) expect(Object.keys(compose.volumes)).toContain(source);
    for (const key of [
      "NEO4J_server_memory_heap_initial__size",
      "NEO4J_server_memory_heap_max__size",
      "NEO4J_server_memory_pagecache_size",
    ]) {
      expect(env[key], key).toMatch(/^\d+[GM]$/);
    }
  });

  it("installs the plugins the tested Neo4j has (APOC, GDS) and unrestricts the same procedures", () => {
    const env = resolved("neo4j", {});
    const plugins = JSON.parse(env.NEO4J_PLUGINS!) as string[];
    expect(pomDependencies().some((d) => d.groupId === "org.neo4j.gds")).toBe(true);
    expect(pomDependencies().some((d) => d.artifactId.startsWith("apoc"))).toBe(true);
    expect([...plugins].sort()).toEqual(["apoc", "graph-data-science"]);
    const tested = /dbms\.security\.procedures\.unrestricted=([^"]+)"/.exec(read("tools/neo4j/local-neo4j.ts"))![1]!;
    expect(env.NEO4J_dbms_security_procedures_unrestricted!.split(",").sort()).toEqual(tested.split(",").sort());
  });

  it("publishes Neo4j's browser and Bolt ports and the app's port, the one the app listens on", () => {
    expect(portMappings(service("neo4j"))).toEqual([
      { host: 7474, container: 7474 },
      { host: 7687, container: 7687 },
    ]);
    expect(portMappings(service("app"))).toEqual([{ host: 3000, container: Number(resolved("app", {}).RINGLENS_PORT) }]);
    expect(resolved("app", {}).RINGLENS_HOST).toBe("0.0.0.0");
    expect(service("seed").ports).toBeUndefined();
  });

  it("gives Neo4j a password of 8 characters or more, from NEO4J_PASSWORD or a default, and the app and the seed the same one", () => {
    for (const env of [{}, { NEO4J_PASSWORD: "from-the-env-file" }] as Record<string, string>[]) {
      const auth = resolved("neo4j", env).NEO4J_AUTH!;
      const [user, password] = [auth.slice(0, auth.indexOf("/")), auth.slice(auth.indexOf("/") + 1)];
      expect(user).toBe("neo4j");
      expect(password.length).toBeGreaterThanOrEqual(8);
      if ("NEO4J_PASSWORD" in env) expect(password).toBe(env.NEO4J_PASSWORD);
      for (const name of ["app", "seed"]) {
        const client = resolved(name, env);
        expect({ user: client.NEO4J_USER, password: client.NEO4J_PASSWORD }, name).toEqual({ user, password });
        expect(client.NEO4J_URI, name).toBe("bolt://neo4j:7687");
        expect(service(name).depends_on, name).toEqual({ neo4j: { condition: "service_healthy" } });
      }
    }
  });

  it("checks Neo4j's health with cypher-shell over Bolt, with the user and password split from NEO4J_AUTH", () => {
    const [kind, script] = service("neo4j").healthcheck!.test;
    expect(kind).toBe("CMD-SHELL");
    // Run the check's shell line with a cypher-shell that prints its arguments instead of connecting.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), "ringlens-compose-"));
    try {
      fs.writeFileSync(path.join(bin, "cypher-shell"), '#!/bin/sh\nfor a in "$@"; do printf \'%s\\n\' "$a"; done\n', { mode: 0o755 });
      const run = spawnSync("sh", ["-c", unescapeDollars(script!)], {
        env: { PATH: `${bin}:${process.env.PATH}`, NEO4J_AUTH: "neo4j/pa/ss word" },
        encoding: "utf8",
      });
      expect(run.status).toBe(0);
      expect(run.stdout.trim().split("\n")).toEqual(["-a", "bolt://localhost:7687", "-u", "neo4j", "-p", "pa/ss word", "RETURN 1"]);
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });

  it("builds the app from the Dockerfile, checks its health on /api/health at its port and starts once Neo4j is healthy", () => {
    const app = service("app");
    expect(app.build).toBe(".");
    expect(fs.existsSync(path.join(ROOT, "Dockerfile"))).toBe(true);
    expect(app.depends_on).toEqual({ neo4j: { condition: "service_healthy" } });
    const [kind, command, flag, script] = app.healthcheck!.test;
    expect([kind, command, flag]).toEqual(["CMD", "node", "-e"]);
    expect(() => new vm.Script(script!)).not.toThrow();
    const url = new URL(/fetch\('([^']+)'\)/.exec(script!)![1]!);
    expect({ host: url.hostname, port: Number(url.port), path: url.pathname }).toEqual({
      host: "127.0.0.1",
      port: Number(resolved("app", {}).RINGLENS_PORT),
      path: "/api/health",
    });
  });

  it("passes only settings that loadConfig reads", () => {
    expect(configEnv.size).toBeGreaterThan(8);
    for (const name of ["app", "seed"]) {
      for (const key of Object.keys(service(name).environment!)) expect(configEnv, `${name}: ${key}`).toContain(key);
    }
  });

  it("seeds with real ringlens commands: demo, load, analyze against Neo4j", async () => {
    const [shell, flag, line] = service("seed").command!;
    expect([shell, flag]).toEqual(["sh", "-c"]);
    const calls = ringlensCalls(line!);
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
    const copied = instruction(runtime.lines, "COPY")
      .flatMap((c) =>
        c
          .split(/\s+/)
          .filter((t) => !t.startsWith("--"))
          .slice(0, -1),
      )
      .map((s) => s.replace(/^\/app\//, ""));
    for (const needed of ["node_modules", "dist", "bin", "server", "cypher", "package.json"]) expect(copied).toContain(needed);
  });

  it("runs on what `npm prune --omit=dev` keeps: server and bin import only runtime dependencies", () => {
    const pkg = JSON.parse(read("package.json")) as { dependencies: Record<string, string> };
    const files = [path.join(ROOT, "bin/ringlens.mjs"), ...listFiles(path.join(ROOT, "server"))];
    const specifiers = (text: string) =>
      [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm), ...text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g)]
        .map((m) => m[1]!)
        .filter((spec) => !spec.startsWith("."));
    const packages = new Set(
      files
        .flatMap((f) => specifiers(fs.readFileSync(f, "utf8")))
        .filter((spec) => !spec.startsWith("node:"))
        .map((spec) => (spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!)),
    );
    expect(packages.size).toBeGreaterThan(10);
    for (const name of packages) expect(pkg.dependencies, name).toHaveProperty([name]);
  });

  it("keeps secrets, local installs and stores out of the build context", () => {
    const ignored = read(".dockerignore")
      .split("\n")
      .map((l) => l.trim());
    for (const entry of ["node_modules", ".env", "data", "dist", ".git"]) expect(ignored).toContain(entry);
  });
});

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : /\.(ts|mjs|js)$/.test(e.name) ? [p] : [];
  });
}
