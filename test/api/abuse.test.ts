import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/api/create-app.ts";
import { loadCatalogue } from "../../server/queries/catalogue.ts";
import { JobRunner } from "../../server/tasks/job-runner.ts";
import { createLogger } from "../../server/log/create-logger.ts";
import { writeTasks } from "../../server/main.ts";
import { getJson, postJson, startFixtureServer, type FixtureServer } from "../helpers/fixture-server.ts";

const TOKEN = "abuse-token-0123456789abcdef";

describe("API abuse", () => {
  let s: FixtureServer;
  beforeAll(async () => {
    s = await startFixtureServer({ config: { token: TOKEN } });
  });
  afterAll(() => s.close());

  it("answers deeply nested JSON with 400, not a crash", async () => {
    const deep = `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`;
    const res = await fetch(`${s.url}/api/queries/devices-shared/run`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"params":{"minAccounts":${deep}}}`,
    });
    expect(res.status).toBe(400);
    expect((await getJson(`${s.url}/api/health`)).status).toBe(200);
  });

  it("treats path traversal in path parameters as a plain id", async () => {
    for (const id of ["..%2F..%2Fetc%2Fpasswd", "%2E%2E", "A1%00"]) {
      const { status } = await getJson(`${s.url}/api/nodes/Account/${id}`);
      expect(status).toBe(404);
    }
    expect((await getJson(`${s.url}/api/nodes/..%2Fstore/x`)).status).toBe(404);
  });

  it("rate-limits write endpoints", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await postJson(`${s.url}/api/analyze`, {}, { authorization: "Bearer wrong" })).status);
    expect(statuses.filter((c) => c === 401).length).toBe(20);
    expect(statuses.slice(20).every((c) => c === 429)).toBe(true);
  });
});

describe("logs", () => {
  let s: FixtureServer;
  let url = "";
  const lines: string[] = [];
  // This app's own jobs: the fixture server's close() does not know to wait for them.
  const jobs = new JobRunner();
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    s = await startFixtureServer({ config: { token: TOKEN } });
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = createApp({
      store: s.store,
      config: { ...s.config, token: TOKEN },
      catalogue: loadCatalogue(),
      jobs,
      tasks: writeTasks(s.store, s.config),
      version: "test",
      logger: pino({ level: "info" }, sink),
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise<void>((r) => server.once("listening", () => r()));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    close = () => new Promise<void>((r) => server.close(() => r()));
  });
  // The analysis the test started must not be writing when the store closes under it.
  afterAll(async () => {
    await close();
    await jobs.idle();
    await s.close();
  });

  it("record requests without the token, and errors without stack traces in responses", async () => {
    const { body: job } = await postJson(`${url}/api/analyze`, {}, { authorization: `Bearer ${TOKEN}` });
    expect((await jobs.finished(job.id)).status).toBe("succeeded");
    await getJson(`${url}/api/rings?limit=nope`);
    const text = lines.join("");
    expect(text).toContain("/api/analyze");
    expect(text).not.toContain(TOKEN);
    const bad = await getJson(`${url}/api/rings?limit=nope`);
    expect(JSON.stringify(bad.body)).not.toMatch(/\bat \S+ \(|node_modules/);
  });
});

describe("logs for a person at a terminal (pretty format)", () => {
  let s: FixtureServer;
  const servers: { url: string; lines: string[]; close(): Promise<void> }[] = [];

  async function appLoggingAt(level: "info" | "debug") {
    const lines: string[] = [];
    const stream = Object.assign(
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
      { isTTY: false, fd: 2 },
    );
    const app = createApp({
      store: s.store,
      config: { ...s.config, logFormat: "pretty" },
      catalogue: loadCatalogue(),
      jobs: new JobRunner(),
      tasks: writeTasks(s.store, s.config),
      version: "test",
      logger: createLogger({ logLevel: level, logFormat: "pretty" }, stream as unknown as NodeJS.WriteStream & { fd: number }),
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise<void>((r) => server.once("listening", () => r()));
    const entry = {
      url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
      lines,
      close: () => new Promise<void>((r) => server.close(() => r())),
    };
    servers.push(entry);
    return entry;
  }

  beforeAll(async () => {
    s = await startFixtureServer();
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await s.close();
  });

  it("leaves request lines out at info, and at debug writes each as one short line", async () => {
    const quiet = await appLoggingAt("info");
    expect((await getJson(`${quiet.url}/api/health`)).status).toBe(200);
    const chatty = await appLoggingAt("debug");
    expect((await getJson(`${chatty.url}/api/rings?limit=2`)).status).toBe(200);
    // pino-http logs when the response has finished, which may be after the client has it.
    await expect.poll(() => chatty.lines.join("")).toMatch(/^\[\d\d:\d\d:\d\d\] DEBUG: GET \/api\/rings\?limit=2 200 \d+ ms\n$/);
    expect(quiet.lines.join("")).toBe("");
  });
});
