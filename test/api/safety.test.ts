import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, postJson, startFixtureServer, waitForJob, type FixtureServer } from "../helpers/fixture-server.ts";

const TOKEN = "test-token-0123456789abcdef";

describe("request limits and headers", () => {
  let s: FixtureServer;
  beforeAll(async () => {
    s = await startFixtureServer();
  });
  afterAll(() => s.close());

  it("refuses a 5 MB body with 413", async () => {
    const big = JSON.stringify({ params: { ringId: "x".repeat(5 * 1024 * 1024) } });
    const res = await fetch(`${s.url}/api/queries/ring-refunds-no-return/run`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: big,
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("too-large");
  });

  it("refuses a body that is not JSON with 415, and broken JSON with 400", async () => {
    const text = await fetch(`${s.url}/api/queries/devices-shared/run`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "hello",
    });
    expect(text.status).toBe(415);
    const broken = await fetch(`${s.url}/api/queries/devices-shared/run`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
    });
    expect(broken.status).toBe(400);
    const body = await broken.json();
    expect(body.error.message).not.toMatch(/at .*\.js|node_modules/);
  });

  it("sends security headers and no x-powered-by", async () => {
    const res = await fetch(`${s.url}/api/health`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });
});

describe("write endpoints without RINGLENS_TOKEN", () => {
  let s: FixtureServer;
  beforeAll(async () => {
    s = await startFixtureServer();
  });
  afterAll(() => s.close());

  it("are off: 403 with what to set", async () => {
    const { status, body } = await postJson(`${s.url}/api/analyze`, {});
    expect(status).toBe(403);
    expect(body.error.message).toContain("RINGLENS_TOKEN");
  });
});

describe("write endpoints with a token", () => {
  let s: FixtureServer;
  beforeAll(async () => {
    s = await startFixtureServer({ config: { token: TOKEN } });
  });
  afterAll(() => s.close());
  const auth = { authorization: `Bearer ${TOKEN}` };

  it("refuse a missing or wrong token with 401", async () => {
    expect((await postJson(`${s.url}/api/analyze`, {})).status).toBe(401);
    expect((await postJson(`${s.url}/api/analyze`, {}, { authorization: "Bearer wrong" })).status).toBe(401);
  });

  it("start an analysis as a job that reports progress and its result", async () => {
    const { status, body } = await postJson(`${s.url}/api/analyze`, {}, auth);
    expect(status).toBe(202);
    const job = await waitForJob(s, body);
    expect(job.status).toBe("succeeded");
    expect(job.report.summary).toMatchObject({ rings: expect.any(Number) });
    expect((await getJson(`${s.url}/api/jobs/nope`)).status).toBe(404);
  });

  it("run an analysis with an analyst's settings, and refuse a bad setting with 400 naming it", async () => {
    const { status, body } = await postJson(
      `${s.url}/api/analyze`,
      { hubThreshold: 3, maxRingSize: 10, linkPolicy: { ip: { link: true } } },
      auth,
    );
    expect(status).toBe(202);
    const job = await waitForJob(s, body);
    expect(job.status).toBe("succeeded");
    expect(job.report.summary.hubThreshold).toBe(3);
    // The job reports the summary and what it did for the investigation, not every ring.
    expect(Object.keys(job.report).sort()).toEqual(["alerts", "casesMoved", "summary", "webhook"]);

    const zero = await postJson(`${s.url}/api/analyze`, { hubThreshold: 0 }, auth);
    expect(zero.status).toBe(400);
    expect(JSON.stringify(zero.body.error)).toMatch(/hubThreshold/);
    const kind = await postJson(`${s.url}/api/analyze`, { linkPolicy: { shoe: { link: true } } }, auth);
    expect(kind.status).toBe(400);
    expect(kind.body.error.message).toMatch(/shoe/);
    const extra = await postJson(`${s.url}/api/analyze`, { seed: 7 }, auth);
    expect(extra.status).toBe(400);
  });

  it("refuse an in-store analysis on the embedded store with 400 saying what to use", async () => {
    const { status, body } = await postJson(`${s.url}/api/analyze`, { inStore: true }, auth);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/no graph algorithms library.*without --in-store/);
    expect((await postJson(`${s.url}/api/analyze`, { inStore: "yes" }, auth)).status).toBe(400);
  });

  it("import only from folders inside the import root", async () => {
    for (const folder of ["../../etc", "/etc", "small/../../.."]) {
      const { status, body } = await postJson(`${s.url}/api/import`, { folder }, auth);
      expect(status, folder).toBe(400);
      expect(body.error.details.param).toBe("folder");
    }
    const { status, body } = await postJson(`${s.url}/api/import`, { folder: "small" }, auth);
    expect(status).toBe(202);
    const job = await waitForJob(s, body);
    expect(job.status).toBe("succeeded");
    expect(job.report).toMatchObject({ rejected: 0 });
  });
});
