/**
 * Lob's print-and-mail API over plain HTTP (https://docs.lob.com): address verification
 * (US and international), postcards and letters, and its webhook signature. Basic auth with
 * the API key as the user name; a test_ key verifies and renders but mails nothing.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const LOB_PROVIDER = "lob";
export const LOB_BASE_URL = "https://api.lob.com/v1";
export const LOB_SIGNATURE_HEADER = "lob-signature";
export const LOB_TIMESTAMP_HEADER = "lob-signature-timestamp";
const TIMEOUT_MS = 20_000;

export interface LobOptions {
  apiKey: string;
  baseUrl?: string | null;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

export interface LobAddress {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  state: string;
  postalCode: string;
  country: "US" | "CA";
}

export class LobError extends Error {
  constructor(message: string, readonly status: number | null) {
    super(message);
    this.name = "LobError";
  }
}

const Verification = z.looseObject({ deliverability: z.string() });
const Piece = z.looseObject({
  id: z.string().min(1),
  expected_delivery_date: z.string().nullish(),
  url: z.string().nullish(),
  price: z.union([z.string(), z.number()]).nullish(),
});
const ErrorBody = z.looseObject({ error: z.looseObject({ message: z.string().optional() }).optional() });

export type LobPiece = z.infer<typeof Piece>;
export type LobVerification = { deliverable: boolean; deliverability: string };

/** Lob's verdicts that mean the address takes mail (a unit problem is still deliverable to the building). */
const DELIVERABLE = new Set(["deliverable", "deliverable_unnecessary_unit", "deliverable_incorrect_unit", "deliverable_missing_unit", "deliverable_missing_info"]);

const toLobAddress = (a: LobAddress) => ({
  name: a.name,
  address_line1: a.line1,
  ...(a.line2 ? { address_line2: a.line2 } : {}),
  address_city: a.city,
  address_state: a.state,
  address_zip: a.postalCode,
  address_country: a.country,
});

export function lobClient(options: LobOptions) {
  const base = (options.baseUrl || LOB_BASE_URL).replace(/\/+$/, "");
  const fetchImpl = options.fetchImpl ?? fetch;
  const authorization = `Basic ${Buffer.from(`${options.apiKey}:`).toString("base64")}`;

  async function post<T>(path: string, body: unknown, schema: z.ZodType<T>, idempotencyKey?: string): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method: "POST",
        headers: { authorization, "content-type": "application/json", accept: "application/json", ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
      });
    } catch (error) {
      throw new LobError(`Lob could not be reached: ${error instanceof Error ? error.message : String(error)}`, null);
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const message = ErrorBody.safeParse(json).data?.error?.message;
      throw new LobError(`Lob answered HTTP ${response.status}${message ? `: ${message}` : ""}`, response.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new LobError("Lob's answer could not be read", response.status);
    return parsed.data;
  }

  return {
    async verify(address: LobAddress): Promise<LobVerification> {
      const result =
        address.country === "US"
          ? await post("/us_verifications", { primary_line: address.line1, secondary_line: address.line2 ?? "", city: address.city, state: address.state, zip_code: address.postalCode }, Verification)
          : await post("/intl_verifications", { primary_line: address.line1, secondary_line: address.line2 ?? "", city: address.city, state: address.state, postal_code: address.postalCode, country: address.country }, Verification);
      return { deliverable: DELIVERABLE.has(result.deliverability), deliverability: result.deliverability };
    },
    /** A 4x6 marketing postcard; the piece id is the idempotency key, so a retry never prints twice. */
    createPostcard(input: { pieceId: string; to: LobAddress; from: LobAddress | null; front: string; back: string }): Promise<LobPiece> {
      return post(
        "/postcards",
        { description: `Dealflow ${input.pieceId}`, to: toLobAddress(input.to), ...(input.from ? { from: toLobAddress(input.from) } : {}), front: input.front, back: input.back, size: "4x6", use_type: "marketing", metadata: { dealflow_piece: input.pieceId } },
        Piece,
        input.pieceId,
      );
    },
    createLetter(input: { pieceId: string; to: LobAddress; from: LobAddress; file: string }): Promise<LobPiece> {
      return post(
        "/letters",
        { description: `Dealflow ${input.pieceId}`, to: toLobAddress(input.to), from: toLobAddress(input.from), file: input.file, color: false, use_type: "marketing", metadata: { dealflow_piece: input.pieceId } },
        Piece,
        input.pieceId,
      );
    },
  };
}
export type LobClient = ReturnType<typeof lobClient>;

/** Lob's webhook signature: HMAC-SHA256, hex, of "<timestamp>.<raw body>" with the webhook's secret. */
export function lobSignature(secret: string, timestamp: string, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
}

export function isValidLobSignature(secret: string | null | undefined, timestamp: string | null, rawBody: string, signature: string | null): boolean {
  if (!secret || !timestamp || !signature) return false;
  const expected = Buffer.from(lobSignature(secret, timestamp, rawBody), "hex");
  const given = /^[0-9a-f]+$/i.test(signature.trim()) ? Buffer.from(signature.trim(), "hex") : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** How old a signed event may be (and how far ahead of our clock), so a captured one cannot be replayed later. */
export const LOB_MAX_AGE_MS = 10 * 60_000;

/** Lob's timestamp, in milliseconds or seconds since the epoch, within the window around `now`. */
export function isFreshLobTimestamp(timestamp: string | null, now: Date): boolean {
  if (!timestamp || !/^\d{1,16}$/.test(timestamp)) return false;
  const value = Number(timestamp);
  const ms = value < 1e12 ? value * 1000 : value;
  return Math.abs(now.getTime() - ms) <= LOB_MAX_AGE_MS;
}
