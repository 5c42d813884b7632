/**
 * Guards write endpoints: off unless RINGLENS_TOKEN is set; then `Authorization: Bearer …`
 * must match, compared in constant time over fixed-length digests.
 */
import crypto from "node:crypto";
import type { RequestHandler } from "express";
import { errorBody } from "./http-errors.ts";

const digest = (s: string) => crypto.createHash("sha256").update(s).digest();

export function requireToken(token: string | undefined): RequestHandler {
  const expected = token ? digest(token) : null;
  return (req, res, next) => {
    if (!expected) {
      res.status(403).json(errorBody("forbidden", "write endpoints are off: start the server with RINGLENS_TOKEN set (16+ characters)"));
      return;
    }
    const header = req.get("authorization") ?? "";
    const given = header.startsWith("Bearer ") ? header.slice(7) : "";
    if (!crypto.timingSafeEqual(digest(given), expected)) {
      res
        .status(401)
        .set("WWW-Authenticate", "Bearer")
        .json(errorBody("unauthorized", "a valid token is required: send Authorization: Bearer <RINGLENS_TOKEN>"));
      return;
    }
    next();
  };
}
