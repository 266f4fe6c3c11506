import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The known-device cookie: set on a successful sign-in, it lets the sign-in throttle count
 * this browser's failures apart from its IP's (see throttle.ts). It is bound to one account
 * and signed with the session secret, so it cannot be forged or moved to another account.
 */
export const DEVICE_COOKIE = "dealflow-device";
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

interface DevicePayload {
  d: string;
  a: string;
  iat: number;
}

function accountTag(email: string): string {
  return createHash("sha256").update(`device-account:${email}`).digest("base64url").slice(0, 22);
}

function sign(body: string, secret: string): string {
  return createHmac("sha256", secret).update(`device-cookie:${body}`).digest("base64url");
}

export function issueDeviceToken(email: string, secret: string, now = new Date()): { deviceId: string; token: string } {
  const deviceId = randomBytes(16).toString("base64url");
  const body = Buffer.from(JSON.stringify({ d: deviceId, a: accountTag(email), iat: Math.floor(now.getTime() / 1000) } satisfies DevicePayload)).toString("base64url");
  return { deviceId, token: `${body}.${sign(body, secret)}` };
}

/** The device id of a token valid for this account, unexpired; null for anything else. */
export function verifyDeviceToken(token: string | undefined, email: string, secret: string, now = new Date()): string | null {
  if (!token) return null;
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Partial<DevicePayload>;
    if (typeof payload.d !== "string" || typeof payload.iat !== "number" || payload.a !== accountTag(email)) return null;
    if (now.getTime() / 1000 - payload.iat > DEVICE_COOKIE_MAX_AGE_SECONDS) return null;
    return payload.d;
  } catch {
    return null;
  }
}
