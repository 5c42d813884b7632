/**
 * A scripted stand-in for a Neo4j server at the Bolt protocol level (Bolt 5.0, PackStream v1),
 * so the adapter can be driven through the real neo4j-driver without a database: it answers
 * the handshake, HELLO, BEGIN/RUN/PULL/COMMIT/ROLLBACK/RESET, records every message, and lets a
 * test decide each RUN's records or FAILURE. It does not execute Cypher.
 * Decoded client values: integers as bigint, floats as number, structures as `Struct`.
 */
import net from "node:net";
import type { AddressInfo } from "node:net";

export class Struct {
  constructor(readonly signature: number, readonly fields: unknown[]) {}
}

export interface Failure { code: string; message: string }
export type RunAnswer = { fields: string[]; records?: unknown[][] } | { failure: Failure };

export interface BoltMessage {
  type: "HELLO" | "GOODBYE" | "RESET" | "RUN" | "BEGIN" | "COMMIT" | "ROLLBACK" | "DISCARD" | "PULL" | "ROUTE" | "LOGON" | "LOGOFF" | "TELEMETRY" | "UNKNOWN";
  fields: unknown[];
}

export interface RunContext {
  /** The BEGIN extra of the open transaction, or the RUN extra in auto-commit. */
  tx: Record<string, unknown>;
  /** How many RUNs this server has seen before this one. */
  index: number;
}

export interface FakeBoltOptions {
  agent?: string;
  /** Answer to HELLO: a failure refuses the connection (e.g. wrong credentials). */
  hello?: (extra: Record<string, unknown>) => Failure | undefined;
  run: (query: string, params: Record<string, unknown>, ctx: RunContext) => RunAnswer;
  /** Failure of COMMIT (the swap transaction failing at commit). */
  commit?: () => Failure | undefined;
}

export interface FakeBoltServer {
  uri: string;
  messages: BoltMessage[];
  runs(): { query: string; params: Record<string, unknown>; tx: Record<string, unknown> }[];
  close(): Promise<void>;
}

const NAMES: Record<number, BoltMessage["type"]> = {
  0x01: "HELLO", 0x02: "GOODBYE", 0x0f: "RESET", 0x10: "RUN", 0x11: "BEGIN", 0x12: "COMMIT", 0x13: "ROLLBACK",
  0x2f: "DISCARD", 0x3f: "PULL", 0x66: "ROUTE", 0x6a: "LOGON", 0x6b: "LOGOFF", 0x54: "TELEMETRY",
};

export async function startFakeBolt(options: FakeBoltOptions): Promise<FakeBoltServer> {
  const messages: BoltMessage[] = [];
  const runLog: { query: string; params: Record<string, unknown>; tx: Record<string, unknown> }[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let buffer = Buffer.alloc(0);
    let handshaken = false;
    let failed = false;
    let tx: Record<string, unknown> | null = null;
    let pending: unknown[][] = [];
    let message: Buffer[] = [];
    const send = (signature: number, fields: unknown[]) => socket.write(chunked(encode(new Struct(signature, fields))));
    const success = (meta: Record<string, unknown> = {}) => send(0x70, [meta]);
    const fail = (f: Failure) => { failed = true; send(0x7f, [{ code: f.code, message: f.message }]); };
    const handle = (m: BoltMessage) => {
      messages.push(m);
      if (m.type === "GOODBYE") return void socket.end();
      if (m.type === "RESET") { failed = false; tx = null; pending = []; return success(); }
      if (failed) return send(0x7e, []);
      switch (m.type) {
        case "HELLO": {
          const refused = options.hello?.(m.fields[0] as Record<string, unknown>);
          return refused ? fail(refused) : success({ server: options.agent ?? "Neo4j/5.26.0", connection_id: "bolt-1" });
        }
        case "BEGIN": tx = m.fields[0] as Record<string, unknown>; return success();
        case "RUN": {
          const [query, params, extra] = m.fields as [string, Record<string, unknown>, Record<string, unknown>];
          const context = tx ?? extra;
          runLog.push({ query, params, tx: context });
          const answer = options.run(query, params, { tx: context, index: runLog.length - 1 });
          if ("failure" in answer) return fail(answer.failure);
          pending = answer.records ?? [];
          return success({ fields: answer.fields, t_first: 0n });
        }
        case "PULL": case "DISCARD": {
          if (m.type === "PULL") for (const r of pending) send(0x71, [r]);
          pending = [];
          return success(tx ? { has_more: false } : { has_more: false, bookmark: "bm:1", db: "neo4j" });
        }
        case "COMMIT": {
          const refused = options.commit?.();
          tx = null;
          return refused ? fail(refused) : success({ bookmark: "bm:2" });
        }
        case "ROLLBACK": tx = null; return success();
        default: return success();
      }
    };
    socket.on("data", (data) => {
      buffer = Buffer.concat([buffer, data]);
      if (!handshaken) {
        if (buffer.length < 20) return;
        buffer = buffer.subarray(20);
        handshaken = true;
        socket.write(Buffer.from([0, 0, 0, 5]));
      }
      while (buffer.length >= 2) {
        const size = buffer.readUInt16BE(0);
        if (buffer.length < 2 + size) return;
        if (size === 0) {
          if (message.length > 0) {
            const struct = new Decoder(Buffer.concat(message)).read() as Struct;
            handle({ type: NAMES[struct.signature] ?? "UNKNOWN", fields: struct.fields });
          }
          message = [];
        } else {
          message.push(buffer.subarray(2, 2 + size));
        }
        buffer = buffer.subarray(2 + size);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    messages,
    runs: () => runLog,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function chunked(payload: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < payload.length; i += 0xffff) {
    const part = payload.subarray(i, i + 0xffff);
    const head = Buffer.alloc(2);
    head.writeUInt16BE(part.length);
    parts.push(head, part);
  }
  parts.push(Buffer.from([0, 0]));
  return Buffer.concat(parts);
}

/** PackStream v1 encoding of test values: bigint → INTEGER, number → FLOAT. */
export function encode(value: unknown): Buffer {
  if (value === null || value === undefined) return Buffer.from([0xc0]);
  if (value === true) return Buffer.from([0xc3]);
  if (value === false) return Buffer.from([0xc2]);
  if (typeof value === "bigint") return encodeInt(value);
  if (typeof value === "number") {
    const b = Buffer.alloc(9);
    b[0] = 0xc1;
    b.writeDoubleBE(value, 1);
    return b;
  }
  if (typeof value === "string") {
    const bytes = Buffer.from(value, "utf8");
    return Buffer.concat([sizeMarker(bytes.length, 0x80, 0xd0), bytes]);
  }
  if (value instanceof Struct) return Buffer.concat([Buffer.from([0xb0 + value.fields.length, value.signature]), ...value.fields.map(encode)]);
  if (Array.isArray(value)) return Buffer.concat([sizeMarker(value.length, 0x90, 0xd4), ...value.map(encode)]);
  const entries = Object.entries(value as Record<string, unknown>);
  return Buffer.concat([sizeMarker(entries.length, 0xa0, 0xd8), ...entries.flatMap(([k, v]) => [encode(k), encode(v)])]);
}

function encodeInt(n: bigint): Buffer {
  if (n >= -16n && n <= 127n) return Buffer.from([Number(n) & 0xff]);
  const b = Buffer.alloc(9);
  b[0] = 0xcb;
  b.writeBigInt64BE(n, 1);
  return b;
}

function sizeMarker(size: number, tiny: number, base: number): Buffer {
  if (size < 16) return Buffer.from([tiny + size]);
  if (size < 0x100) return Buffer.from([base, size]);
  if (size < 0x10000) { const b = Buffer.alloc(3); b[0] = base + 1; b.writeUInt16BE(size, 1); return b; }
  const b = Buffer.alloc(5); b[0] = base + 2; b.writeUInt32BE(size, 1); return b;
}

class Decoder {
  private at = 0;
  constructor(private readonly buf: Buffer) {}

  read(): unknown {
    const m = this.buf[this.at++]!;
    if (m < 0x80) return BigInt(m);
    if (m >= 0xf0) return BigInt(m - 0x100);
    const hi = m & 0xf0;
    const low = m & 0x0f;
    if (hi === 0x80) return this.string(low);
    if (hi === 0x90) return this.list(low);
    if (hi === 0xa0) return this.map(low);
    if (hi === 0xb0) { const sig = this.buf[this.at++]!; return new Struct(sig, this.list(low)); }
    switch (m) {
      case 0xc0: return null;
      case 0xc1: { const v = this.buf.readDoubleBE(this.at); this.at += 8; return v; }
      case 0xc2: return false;
      case 0xc3: return true;
      case 0xc8: { const v = this.buf.readInt8(this.at); this.at += 1; return BigInt(v); }
      case 0xc9: { const v = this.buf.readInt16BE(this.at); this.at += 2; return BigInt(v); }
      case 0xca: { const v = this.buf.readInt32BE(this.at); this.at += 4; return BigInt(v); }
      case 0xcb: { const v = this.buf.readBigInt64BE(this.at); this.at += 8; return v; }
      case 0xd0: return this.string(this.size(1));
      case 0xd1: return this.string(this.size(2));
      case 0xd2: return this.string(this.size(4));
      case 0xd4: return this.list(this.size(1));
      case 0xd5: return this.list(this.size(2));
      case 0xd6: return this.list(this.size(4));
      case 0xd8: return this.map(this.size(1));
      case 0xd9: return this.map(this.size(2));
      case 0xda: return this.map(this.size(4));
      default: throw new Error(`fake bolt: marker 0x${m.toString(16)} not supported`);
    }
  }

  private size(bytes: 1 | 2 | 4): number {
    const v = bytes === 1 ? this.buf.readUInt8(this.at) : bytes === 2 ? this.buf.readUInt16BE(this.at) : this.buf.readUInt32BE(this.at);
    this.at += bytes;
    return v;
  }

  private string(n: number): string {
    const s = this.buf.toString("utf8", this.at, this.at + n);
    this.at += n;
    return s;
  }

  private list(n: number): unknown[] {
    return Array.from({ length: n }, () => this.read());
  }

  private map(n: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) out[this.read() as string] = this.read();
    return out;
  }
}

/** Bolt 5.0 graph and time structures, for records a test sends back. */
export const bolt = {
  node: (id: number, labels: string[], props: Record<string, unknown>) => new Struct(0x4e, [BigInt(id), labels, props, `4:fake:${id}`]),
  rel: (id: number, start: number, end: number, type: string, props: Record<string, unknown>) =>
    new Struct(0x52, [BigInt(id), BigInt(start), BigInt(end), type, props, `5:fake:${id}`, `4:fake:${start}`, `4:fake:${end}`]),
  /** A UTC DateTime (Bolt 5 `I`): epoch seconds, nanoseconds, offset seconds. */
  dateTime: (ms: number, offsetSeconds = 0) => new Struct(0x49, [BigInt(Math.floor(ms / 1000)), BigInt((ms % 1000) * 1_000_000), BigInt(offsetSeconds)]),
};
