import { describe, expect, it } from "vitest";
import { apiTokens, parseApiTokens } from "../../server/api-tokens.ts";
import { loadConfig } from "../../server/config.ts";

const A = "analyst-secret-0123456789";
const B = "admin-secret-9876543210ab";

describe("RINGLENS_TOKENS", () => {
  it("reads name:role:token entries, and RINGLENS_TOKEN as the admin", () => {
    const config = loadConfig({ RINGLENS_TOKENS: `ana:analyst:${A}, ops:admin:${B}`, RINGLENS_TOKEN: "single-token-0123456789" });
    expect(apiTokens(config)).toEqual([
      { name: "ana", role: "analyst", token: A },
      { name: "ops", role: "admin", token: B },
      { name: "admin", role: "admin", token: "single-token-0123456789" },
    ]);
  });

  it("keeps a colon inside a token", () => {
    expect(parseApiTokens(`ana:analyst:abc:def:0123456789xyz`, undefined)[0]!.token).toBe("abc:def:0123456789xyz");
  });

  it("refuses a bad entry naming its position and name, never its token", () => {
    const cases = [`ana:boss:${A}`, "ana:analyst:short", `ana:analyst:${A},ana:admin:${B}`, `just-a-token-${A}`];
    for (const list of cases) {
      let message = "";
      try {
        loadConfig({ RINGLENS_TOKENS: list });
      } catch (error) {
        expect(error).toMatchObject({ kind: "invalid-input" });
        message = (error as Error).message;
      }
      expect(message, list).toMatch(/RINGLENS_TOKENS/);
      expect(message, list).not.toContain(A);
      expect(message, list).not.toContain("short");
    }
  });
});
