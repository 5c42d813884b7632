/**
 * Guards write endpoints by role: off unless a token is configured (RINGLENS_TOKENS or
 * RINGLENS_TOKEN); then `Authorization: Bearer …` must match one (401 otherwise), compared in
 * constant time over fixed-length digests, and its role must allow the write (403). The
 * token's name is the actor the audit trail records (`res.locals.actor`); the token itself is
 * never logged nor returned.
 */
import crypto from "node:crypto";
import type { RequestHandler, Response } from "express";
import type { ApiToken } from "../api-tokens.ts";
import type { Role } from "../domain/investigation/case-types.ts";
import { errorBody } from "./http-errors.ts";

const digest = (s: string) => crypto.createHash("sha256").update(s).digest();
/** Roles that may do what each role may: an admin may do all an analyst may. */
const GRANTS: Record<Role, readonly Role[]> = { analyst: ["analyst", "admin"], admin: ["admin"] };

export function requireRole(tokens: readonly ApiToken[], role: Role): RequestHandler {
  const known = tokens.map((t) => ({ name: t.name, role: t.role, digest: digest(t.token) }));
  return (req, res, next) => {
    if (known.length === 0) {
      res
        .status(403)
        .json(
          errorBody("forbidden", "write endpoints are off: start the server with RINGLENS_TOKEN (16+ characters) or RINGLENS_TOKENS set"),
        );
      return;
    }
    const header = req.get("authorization") ?? "";
    const given = digest(header.startsWith("Bearer ") ? header.slice(7) : "");
    // Every token is compared, so the time taken says nothing of which one matched.
    let match: (typeof known)[number] | undefined;
    for (const k of known) if (crypto.timingSafeEqual(given, k.digest)) match = k;
    if (!match) {
      res
        .status(401)
        .set("WWW-Authenticate", "Bearer")
        .json(errorBody("unauthorized", "a valid token is required: send Authorization: Bearer <your RINGLENS_TOKENS token>"));
      return;
    }
    if (!GRANTS[role].includes(match.role)) {
      res.status(403).json(errorBody("forbidden", `this needs the ${role} role; ${match.name} is ${match.role}`));
      return;
    }
    res.locals.actor = match.name;
    next();
  };
}

/** The name of the token that passed requireRole. */
export const actorOf = (res: Response): string => String(res.locals.actor);
