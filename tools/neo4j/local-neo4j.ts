/**
 * A disposable local Neo4j 5.26 community server (OpenGDS and APOC core loaded) in its own JVM:
 * resolves the artifacts that pom.xml names from Maven Central (cached classpath), writes the
 * settings, starts LocalNeo4j.java with plain `java -cp` (a pid to signal, unlike `mvn exec`),
 * and resolves once Bolt answers. Used by `npm run neo4j:local` and by the tests' global setup.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";

const HERE = import.meta.dirname;
const POM = path.join(HERE, "pom.xml");
const LAUNCHER = path.join(HERE, "LocalNeo4j.java");

/** The password when NEO4J_PASSWORD is not set (Neo4j wants at least 8 characters). */
export const DEFAULT_PASSWORD = "ringlens-local";
export const DEFAULT_PORT = 7687;

/** Flags Neo4j 5 needs when it is started outside its own launcher script. */
const JVM_FLAGS = [
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "--enable-native-access=ALL-UNNAMED",
  "-Dio.netty.tryReflectionSetAccessible=true",
];

export interface LocalNeo4jOptions {
  /** Bolt port on 127.0.0.1; 0 lets the OS choose a free one (tests). */
  port?: number;
  /** Folder for the database, kept after stop; without it a temp folder is used and removed. */
  dataDir?: string;
  password?: string;
  heapMb?: number;
  pageCacheMb?: number;
  /** Progress lines for a person (resolving, starting); not the URI line. */
  onProgress?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  password: string;
  pid: number;
  /** Asks Neo4j to shut down cleanly and waits for the JVM to exit. */
  stop(): Promise<void>;
  /** Resolves when the JVM exits, however it ends. */
  exited: Promise<number | null>;
}

/** A problem the user can fix, said in one line. */
export class LocalNeo4jError extends Error {}

/** Starts the server; rejects with a LocalNeo4jError naming what to do when it cannot. */
export async function startLocalNeo4j(options: LocalNeo4jOptions = {}): Promise<LocalNeo4j> {
  const say = options.onProgress ?? (() => undefined);
  const port = options.port ?? DEFAULT_PORT;
  const password = options.password ?? DEFAULT_PASSWORD;
  if (password.length < 8)
    throw new LocalNeo4jError("NEO4J_PASSWORD is shorter than 8 characters, which Neo4j refuses: choose a longer one");
  const java = findJava();
  if (port !== 0) await ensurePortFree(port);
  const classpath = resolveClasspath(say);
  const home = options.dataDir ? path.resolve(options.dataDir) : fs.mkdtempSync(path.join(os.tmpdir(), "ringlens-neo4j-"));
  fs.mkdirSync(home, { recursive: true });
  const settings = path.join(home, "ringlens-neo4j.conf");
  fs.writeFileSync(settings, settingsText(port, options.pageCacheMb ?? 128, pluginsDir(classpath)));
  say(`starting Neo4j in ${home}`);
  const classes = compileLauncher(java, classpath);
  const child = spawn(
    java,
    [
      `-Xmx${options.heapMb ?? 1024}m`,
      ...JVM_FLAGS,
      "-cp",
      [classes, ...classpath].join(path.delimiter),
      "LocalNeo4j",
      home,
      settings,
      password,
    ],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const removeTemp = () => {
    if (!options.dataDir) fs.rmSync(home, { recursive: true, force: true });
  };
  void exited.then(removeTemp);
  const address = await readyAddress(child, exited);
  return {
    uri: `bolt://${address}`,
    password,
    pid: child.pid!,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

export interface LocalNeo4jAdminResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs Neo4j's admin tool (org.neo4j.cli.AdminTool, what the `neo4j-admin` script starts; its
 * `database import` comes from org.neo4j:neo4j-import-tool, which org.neo4j:neo4j brings in) on
 * the folder a local Neo4j keeps its databases in (`startLocalNeo4j({ dataDir: home })`), with
 * the same Java and classpath, from `cwd` (relative file names are read from there). For a
 * machine without a Neo4j distribution, e.g. `database import full …` into a fresh `home`
 * before the server is first started on it. Resolves with the exit code and the output.
 */
export async function runLocalNeo4jAdmin(
  args: string[],
  options: { home: string; cwd?: string; heapMb?: number; onProgress?: (line: string) => void },
): Promise<LocalNeo4jAdminResult> {
  const java = findJava();
  const classpath = resolveClasspath(options.onProgress ?? (() => undefined));
  const home = path.resolve(options.home);
  // An empty conf folder: the tool's defaults put databases under HOME/data, as LocalNeo4j's settings do.
  const conf = path.join(home, "conf");
  fs.mkdirSync(conf, { recursive: true });
  const child = spawn(
    java,
    [`-Xmx${options.heapMb ?? 512}m`, ...JVM_FLAGS, "-cp", classpath.join(path.delimiter), "org.neo4j.cli.AdminTool", ...args],
    {
      cwd: options.cwd,
      env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => {
    stdout += d;
  });
  child.stderr!.on("data", (d) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The neo4j.conf settings ringlens starts with: local Bolt, auth on, small memory, GDS and APOC allowed. */
function settingsText(port: number, pageCacheMb: number, plugins: string): string {
  return [
    "server.bolt.enabled=true",
    `server.bolt.listen_address=127.0.0.1:${port}`,
    "dbms.security.auth_enabled=true",
    `server.memory.pagecache.size=${pageCacheMb}m`,
    `server.directories.plugins=${plugins}`,
    "dbms.security.procedures.unrestricted=gds.*,apoc.*",
    // No traffic leaves the machine: the usage report would phone home.
    "dbms.usage_report.enabled=false",
    "",
  ].join("\n");
}

/** Waits for the launcher's ready line, passing its other output through; rejects if it exits first. */
function readyAddress(child: ChildProcess, exited: Promise<number | null>): Promise<string> {
  return new Promise((resolve, reject) => {
    const errors: string[] = [];
    let ready = false;
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = /^ringlens-neo4j: ready (\S+)$/.exec(line);
      if (match && !ready) {
        ready = true;
        resolve(match[1]!);
      }
    });
    readline.createInterface({ input: child.stderr! }).on("line", (line) => {
      // Keep the last lines: a start-up failure is a Java stack trace, its first "Caused by" says why.
      errors.push(line);
      if (errors.length > 200) errors.shift();
    });
    void exited.then((code) => {
      if (ready) return;
      const cause =
        errors.filter((l) => /^(Caused by|Exception|Error|ringlens-neo4j:)/.test(l.trim())).pop() ?? errors.at(-1) ?? "no output";
      reject(new LocalNeo4jError(`Neo4j exited (code ${code}) before Bolt answered: ${cause.trim()}`));
    });
  });
}

/** Compiles LocalNeo4j.java once per version of it (a few seconds saved on every start). */
function compileLauncher(java: string, classpath: string[]): string {
  const digest = createHash("sha256").update(fs.readFileSync(LAUNCHER)).digest("hex").slice(0, 12);
  const classes = path.join(cacheDir(), `launcher-${digest}`);
  if (fs.existsSync(path.join(classes, "LocalNeo4j.class"))) return classes;
  const javac = path.join(path.dirname(java === "java" ? whichJava() : java), "javac");
  const partial = `${classes}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  const run = spawnSync(javac, ["-d", partial, "-cp", classpath.join(path.delimiter), LAUNCHER], { encoding: "utf8" });
  if (run.error || run.status !== 0)
    throw new LocalNeo4jError(`cannot compile ${LAUNCHER} (a JDK, not only a JRE, is needed): ${run.error?.message ?? run.stderr.trim()}`);
  fs.renameSync(partial, classes);
  return classes;
}

/** The real path of `java` on PATH, so javac is taken from the same JDK. */
function whichJava(): string {
  const found = spawnSync("sh", ["-c", 'readlink -f "$(command -v java)"'], { encoding: "utf8" });
  return found.stdout.trim() || "java";
}

/** `java` from JAVA_HOME or PATH, checked to be 17 or 21 (what Neo4j 5.26 supports). */
function findJava(): string {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java";
  const probe = spawnSync(java, ["-version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new LocalNeo4jError(
      `Java is missing (${java}): install a JDK 17 or 21 (Debian: apt-get install -y openjdk-17-jdk-headless) or set JAVA_HOME`,
    );
  }
  const major = Number(/version "(\d+)/.exec(probe.stderr)?.[1] ?? 0);
  if (major !== 17 && major !== 21) {
    throw new LocalNeo4jError(`Neo4j 5.26 runs on Java 17 or 21, and ${java} is Java ${major}: set JAVA_HOME to a JDK 17 or 21`);
  }
  return java;
}

async function ensurePortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        new LocalNeo4jError(
          error.code === "EADDRINUSE"
            ? `port ${port} on 127.0.0.1 is in use (another Neo4j?): stop it or pass --port with a free port`
            : `cannot use port ${port}: ${error.message}`,
        ),
      );
    });
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

/** Where resolved classpaths are kept, one per version of pom.xml. */
function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache");
  const digest = createHash("sha256").update(fs.readFileSync(POM)).digest("hex").slice(0, 12);
  return path.join(base, "ringlens", `neo4j-${digest}`);
}

/** The jars pom.xml names, with their dependencies; Maven runs only when the cache is missing or stale. */
function resolveClasspath(say: (line: string) => void): string[] {
  const dir = cacheDir();
  const file = path.join(dir, "classpath.txt");
  if (fs.existsSync(file)) {
    const jars = fs.readFileSync(file, "utf8").trim().split(path.delimiter);
    if (jars.every((jar) => fs.existsSync(jar))) return jars;
  }
  const mvn = spawnSync("mvn", ["--version"], { encoding: "utf8" });
  if (mvn.error || mvn.status !== 0) {
    throw new LocalNeo4jError(
      "Maven is missing: install it (Debian: apt-get install -y maven); it fetches Neo4j from Maven Central into ~/.m2",
    );
  }
  say("resolving Neo4j, OpenGDS and APOC from Maven Central (the first run downloads about 140 MB, 349 jars, into ~/.m2)");
  fs.mkdirSync(dir, { recursive: true });
  const partial = `${file}.partial`;
  // Maven Central may answer a burst with 429: a second try after a pause usually goes through.
  for (let attempt = 1; ; attempt++) {
    const run = spawnSync("mvn", ["-q", "-B", "-f", POM, "dependency:build-classpath", `-Dmdep.outputFile=${partial}`], {
      encoding: "utf8",
    });
    if (run.status === 0) break;
    if (attempt === 3) {
      const why = (run.stdout + run.stderr).split("\n").find((l) => l.includes("ERROR")) ?? "see mvn output";
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips Maven's terminal colour codes (ESC [ … m)
      throw new LocalNeo4jError(`Maven could not resolve Neo4j's artifacts: ${why.replace(/\u001b\[[0-9;]*m/g, "").trim()}`);
    }
    say(`Maven failed (attempt ${attempt}); trying again`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5000 * attempt);
  }
  fs.renameSync(partial, file);
  return fs.readFileSync(file, "utf8").trim().split(path.delimiter);
}

/**
 * Neo4j registers procedures only from jars in its plugins folder; the GDS and APOC jars are
 * linked there (they also stay on the classpath, where GDS's extension factories are found).
 */
function pluginsDir(classpath: string[]): string {
  const dir = path.join(cacheDir(), "plugins");
  fs.mkdirSync(dir, { recursive: true });
  for (const jar of classpath.filter((j) => /[\\/]org[\\/]neo4j[\\/](gds|procedure)[\\/]/.test(j))) {
    const link = path.join(dir, path.basename(jar));
    if (!fs.existsSync(link)) fs.symlinkSync(jar, link);
  }
  return dir;
}
