import { timingSafeEqual } from "node:crypto";

/** True when the request carries `Authorization: Bearer <token>` (compared in constant time). */
export function bearerMatches(request: Request, token: string): boolean {
  const sent = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1]?.trim() ?? "";
  const expected = Buffer.from(token);
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
