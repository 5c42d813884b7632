/**
 * Runs a measured step in its own Node process (the real `ringlens` CLI, or a bench worker)
 * so its peak RSS is its own: a preloaded probe reports maxRSS on exit. Collects stdout,
 * passes the latest stderr line to a progress callback, and fails with the child's last
 * words when it exits non-zero.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { childEnv } from "../../test/helpers/child-env.ts";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const CLI = path.join(REPO, "bin/ringlens.mjs");
const PROBE = path.join(import.meta.dirname, "rss-probe.mjs");

export interface ChildResult {
  stdout: string;
  stderr: string;
  wallMs: number;
  /** Peak resident set size of the child, in bytes. */
  maxRssBytes: number;
  /** [ms since start, RSS bytes] every BENCH_RSS_EVERY_MS, when that is set in `env`. */
  rssSamples: [number, number][];
}

export interface ChildOptions {
  env?: Record<string, string>;
  /** Called with each line the child writes to stderr (its progress, its logs). */
  onStderrLine?: (line: string) => void;
  /** Send stderr straight to this file instead (a server's request log costs the bench nothing). */
  stderrFile?: string;
}

/** Node arguments that run `script` (a .ts worker under tsx, or the .mjs CLI) with the probe. */
function nodeArgs(script: string, args: string[]): string[] {
  const typescript = script.endsWith(".ts") ? ["--import", "tsx"] : [];
  return [...typescript, "--import", PROBE, script, ...args];
}

/**
 * @example const { stdout, maxRssBytes } = await runChild(CLI, ["--db", dir, "load", demo, "--json"]);
 */
export function runChild(script: string, args: string[], options: ChildOptions = {}): Promise<ChildResult> {
  const { child, rssFile, started, stderrTail } = startChild(script, args, options);
  let stdout = "";
  child.stdout!.on("data", (d: Buffer) => {
    stdout += d;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const stderr = stderrTail();
      const wallMs = performance.now() - started;
      const { maxRssBytes, rssSamples } = readRssFile(rssFile);
      if (code !== 0) {
        reject(new Error(`bench: ${path.basename(script)} ${args.join(" ")} exited with ${code ?? signal}: ${lastWords(stderr)}`));
        return;
      }
      resolve({ stdout, stderr, wallMs, maxRssBytes, rssSamples });
    });
  });
}

export interface LongChild {
  child: ChildProcess;
  /** Resolves when the child has written a line matching `pattern` to stdout. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGTERM, then the child's peak RSS once it has exited. */
  stop(): Promise<number>;
}

/** Starts a long-running child (a server) and lets the caller wait for its banner. */
export function startLongChild(script: string, args: string[], options: ChildOptions = {}): LongChild {
  const { child, rssFile, stderrTail } = startChild(script, args, options);
  let stdout = "";
  const watchers = new Set<() => void>();
  child.stdout!.on("data", (d: Buffer) => {
    stdout += d;
    for (const watch of watchers) watch();
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return {
    child,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const done = (error: Error | null, match?: RegExpMatchArray) => {
          clearTimeout(timer);
          watchers.delete(check);
          if (error) reject(error);
          else resolve(match!);
        };
        const timer = setTimeout(
          () => done(new Error(`bench: ${path.basename(script)} did not print ${pattern} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        const check = () => {
          const match = stdout.match(pattern);
          if (match) done(null, match);
        };
        watchers.add(check);
        void exited.then((code) => done(new Error(`bench: ${path.basename(script)} exited with ${code}: ${lastWords(stderrTail())}`)));
        check();
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      return readRss(rssFile);
    },
  };
}

const live = new Set<ChildProcess>();
let heapOptions: Record<string, string> = {};

/** Every child from now on gets this V8 heap limit (NODE_OPTIONS), or Node's default when undefined. */
export function setChildHeap(heapMb: number | undefined): void {
  heapOptions = heapMb === undefined ? {} : { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=${heapMb}`.trim() };
}

function bufferPool(): Record<string, string> {
  const mb = process.env.RINGLENS_DB_MEMORY_MB;
  return mb === undefined ? {} : { RINGLENS_DB_MEMORY_MB: mb };
}

/** SIGTERM to every child still running (the bench is being stopped). */
export function stopChildren(): void {
  for (const child of live) child.kill("SIGTERM");
}

function startChild(script: string, args: string[], options: ChildOptions) {
  const rssFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ringlens-bench-rss-")), "rss.json");
  const logFd = options.stderrFile ? fs.openSync(options.stderrFile, "a") : null;
  const child = spawn(process.execPath, nodeArgs(script, args), {
    cwd: REPO,
    // No NEO4J_* or RINGLENS_* from the shell but the buffer pool, which the engine baseline reads too (bench-engine.ts).
    env: childEnv({ ...bufferPool(), ...heapOptions, ...options.env, BENCH_RSS_FILE: rssFile }),
    stdio: ["ignore", "pipe", logFd ?? "pipe"],
  });
  live.add(child);
  child.on("close", () => live.delete(child));
  if (logFd !== null) {
    fs.closeSync(logFd);
    return { child, rssFile, started: performance.now(), stderrTail: () => tailOf(options.stderrFile!) };
  }
  let collected = "";
  let partial = "";
  child.stderr!.on("data", (d: Buffer) => {
    collected += d;
    // Keep the tail only: a server's request log can be long.
    if (collected.length > 1_000_000) collected = collected.slice(-100_000);
    partial += d;
    const lines = partial.split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) options.onStderrLine?.(line.trim());
  });
  return { child, rssFile, started: performance.now(), stderrTail: () => collected };
}

/** What a failed child said: its fatal error or ringlens' one-line message, else its last lines. */
function lastWords(stderr: string): string {
  const lines = stderr
    .trim()
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const telling = lines.filter((l) => /FATAL ERROR|^ringlens:|Error:|exception/i.test(l));
  return (telling.length > 0 ? telling.slice(-2) : lines.slice(-3)).join(" | ");
}

function tailOf(file: string): string {
  try {
    const text = fs.readFileSync(file, "utf8");
    return text.slice(-4_000);
  } catch {
    return "";
  }
}

function readRss(file: string): number {
  return readRssFile(file).maxRssBytes;
}

function readRssFile(file: string): { maxRssBytes: number; rssSamples: [number, number][] } {
  try {
    const { maxRssKb, samples } = JSON.parse(fs.readFileSync(file, "utf8")) as { maxRssKb: number; samples?: [number, number][] };
    return { maxRssBytes: maxRssKb * 1024, rssSamples: (samples ?? []).map(([ms, kb]) => [ms, kb * 1024]) };
  } catch {
    return { maxRssBytes: Number.NaN, rssSamples: [] };
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
