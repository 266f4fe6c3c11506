/**
 * A capture from the road: what the phone knew (where it was) and what the person typed.
 * Client-safe (zod and the postal-code parser only): the capture page validates with it
 * before queueing, the route with it before saving.
 */
import { z } from "zod";
import { DealTag } from "@/lib/deals/tag";
import { parseFsa, parsePostalCode } from "@/lib/geo/postal";

/** The tags offered as toggles; a free tag may be added beside them. */
export const CAPTURE_TAGS = ["vacant", "boarded", "overgrown", "code violation"] as const;
export const MAX_CAPTURE_PHOTOS = 10;

const blank = (v: unknown) => (v === "" || v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);
const optionalText = (max: number, label: string) => z.preprocess(blank, z.string().trim().max(max, `${label} is at most ${max} characters`).optional());
const coordinate = (label: string, limit: number) =>
  z.preprocess(
    (v) => {
      const value = blank(v);
      return typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
    },
    z.number({ error: `${label} must be a number` }).min(-limit, `${label} is out of range`).max(limit, `${label} is out of range`).optional(),
  );

const CaptureTag = DealTag;

export const CaptureInput = z
  .object({
    /** Made by the phone when the capture is taken; a resend with it is the same capture. */
    clientKey: z.uuid({ error: "The capture has no valid key; take it again" }),
    latitude: coordinate("Latitude", 90),
    longitude: coordinate("Longitude", 180),
    /** Metres, as the phone reports it. */
    accuracy: z.preprocess((v) => (typeof blank(v) === "string" ? Number(v) : blank(v)), z.number().min(0).max(100_000).optional()),
    street: z.preprocess(blank, z.string({ error: "Type the street address" }).trim().min(3, "Type the street address").max(200, "The street is at most 200 characters")),
    unit: optionalText(40, "The unit"),
    city: optionalText(100, "The city"),
    region: z.preprocess(
      (v) => (typeof v === "string" ? blank(v.trim().toUpperCase()) : v),
      z.string().regex(/^[A-Z]{2}$/, "Use the 2-letter state or province code").optional(),
    ),
    postalCode: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .max(12)
        .refine((v) => parsePostalCode(v) !== null || parseFsa(v) !== null, "Type a US ZIP code or a Canadian postal code")
        .optional(),
    ),
    tags: z.preprocess(
      (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]),
      z.array(CaptureTag).max(20, "At most 20 tags").transform((tags) => [...new Set(tags)]),
    ),
    note: optionalText(5000, "The note"),
  })
  .refine((c) => (c.latitude === undefined) === (c.longitude === undefined), { path: ["latitude"], message: "The location needs both latitude and longitude" })
  .refine((c) => c.latitude !== undefined || c.postalCode !== undefined, {
    path: ["postalCode"],
    message: "No location: allow location on the phone, or type the ZIP or postal code",
  });
export type CaptureInput = z.infer<typeof CaptureInput>;

/** Where a phone is, for the form: its postal area and the place around it. */
export interface ResolvedPlace {
  areaCode: string;
  country: "US" | "CA";
  city: string | null;
  region: string | null;
  distanceKm: number;
}

/** What the capture route answers. */
export interface CaptureResult {
  dealId: string;
  /** True when the address already was a deal: the capture's tags, note and photos went to it. */
  merged: boolean;
  photos: number;
  areaCode: string | null;
  message: string;
}
