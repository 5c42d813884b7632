import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, logFormatFor } from "../../server/log/create-logger.ts";

/** A stream standing for stderr, collecting what is written to it. */
function sink(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY, fd: 2 });
  const chunks: string[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  return { stream: stream as unknown as NodeJS.WriteStream & { fd: number }, text: () => chunks.join("") };
}

describe("logFormatFor", () => {
  it("is pretty at a terminal and JSON elsewhere, unless told", () => {
    expect(logFormatFor("auto", { isTTY: true })).toBe("pretty");
    expect(logFormatFor("auto", { isTTY: false })).toBe("json");
    expect(logFormatFor("auto", {})).toBe("json");
    expect(logFormatFor("json", { isTTY: true })).toBe("json");
    expect(logFormatFor("pretty", { isTTY: false })).toBe("pretty");
  });
});

describe("createLogger in the pretty format", () => {
  it("writes one short line per entry, extra fields inline and secrets redacted, without colour off a terminal", async () => {
    const { stream, text } = sink(false);
    const logger = createLogger({ logLevel: "info", logFormat: "pretty" }, stream);
    logger.info({ event: "store-retry", token: "s3cret-s3cret-s3cret" }, "store still not available");
    logger.debug("not at info");
    await new Promise((resolve) => setImmediate(resolve));
    expect(text()).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: store still not available \{"event":"store-retry","token":"\[Redacted\]"\}\n$/);
  });
});
