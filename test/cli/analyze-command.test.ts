import { describe, expect, it } from "vitest";
import { detectOptionsFrom, linkPolicyFrom } from "../../server/cli/analyze-command.ts";
import { resolveDetectOptions } from "../../server/domain/rings/detect-options.ts";
import { isRinglensError } from "../../server/errors.ts";

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("ringlens analyze's detection flags", () => {
  it("turn into detection settings", () => {
    expect(detectOptionsFrom({ hubThreshold: "auto", maxRingSize: "12" })).toEqual({ hubThreshold: "auto", maxRingSize: 12 });
    expect(detectOptionsFrom({ hubThreshold: "7" })).toEqual({ hubThreshold: 7 });
  });

  it("are refused with the domain's bounds, the message naming the flag", () => {
    for (const [flags, flag] of [
      [{ maxRingSize: "1" }, "--max-ring-size"],
      [{ maxRingSize: "2.5" }, "--max-ring-size"],
      [{ hubThreshold: "0" }, "--hub-threshold"],
      [{ hubThreshold: "lots" }, "--hub-threshold"],
    ] as const) {
      const error = errorOf(() => detectOptionsFrom(flags));
      expect(isRinglensError(error) && error.kind, flag).toBe("invalid-input");
      expect((error as Error).message, flag).toContain(`analyze: ${flag}`);
      // The domain refuses the same value: one set of bounds.
      const value = "maxRingSize" in flags ? { maxRingSize: Number(flags.maxRingSize) } : { hubThreshold: Number(flags.hubThreshold) };
      expect(isRinglensError(errorOf(() => resolveDetectOptions(value))), flag).toBe(true);
    }
    expect(detectOptionsFrom({ maxRingSize: "2" })).toEqual({ maxRingSize: 2 });
    expect(resolveDetectOptions({ maxRingSize: 2 }).maxRingSize).toBe(2);
  });

  it("name support-contact kinds in --link and --kind", () => {
    const policy = linkPolicyFrom({ link: "device,contact-device,handle", kind: ["contact-device.hubThreshold=50"] });
    expect(policy["contact-device"]).toMatchObject({ link: true, hubThreshold: 50 });
    expect(policy.handle.link).toBe(true);
    expect(policy["contact-phone"].link).toBe(false);
    expect(policy.address.link).toBe(false);
  });
});
