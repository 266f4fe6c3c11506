/**
 * Saving a capture: checks the photos and the location, places the property in its postal
 * area, then (once per client key) creates the DRIVING deal or adds to the deal already at
 * that address, and stores the photos against it.
 */
import { createHash } from "node:crypto";
import type { AuditContext } from "@/lib/audit/service";
import { findCapturedDeal, recordCapturedDeal } from "@/lib/deals/capture";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { checkImageUpload, dealFileDigests, storeFile } from "@/lib/files";
import { areaCentroid, areaCodeOf, geoLookup, isInServedCountries, nearestArea } from "@/lib/geo";
import { withIdempotency } from "@/lib/http/idempotency";
import type { DealInput } from "@/lib/intake/schema";
import { MAX_CAPTURE_PHOTOS, type CaptureInput, type CaptureResult, type ResolvedPlace } from "./schema";

export interface CapturePhoto {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** How far from a postal area's centre a phone may be and still be placed in it. */
const NEAREST_AREA_KM = 25;

/** Pure: whether a point is in the US or Canada (near a known postal area; military mail codes abroad do not count). */
export const isServedLocation = isInServedCountries;

/** Pure: the postal area, city and state or province around a point; null outside every known area. */
export function resolvePlace(latitude: number, longitude: number): ResolvedPlace | null {
  const area = nearestArea(latitude, longitude, NEAREST_AREA_KM);
  if (!area) return null;
  const geo = geoLookup(area.areaCode);
  return {
    areaCode: area.areaCode,
    country: area.country,
    // An FSA's dataset name lists neighbourhoods, not a city a person would type.
    city: area.country === "US" ? area.city : null,
    region: geo?.region ?? null,
    distanceKm: area.distanceKm,
  };
}

/** Pure: the deal a capture describes, its area filled in from the location when the ZIP was not typed. */
export function captureDeal(input: CaptureInput): { deal: DealInput; areaCode: string } {
  const hasLocation = input.latitude !== undefined && input.longitude !== undefined;
  if (hasLocation && !isServedLocation(input.latitude!, input.longitude!)) {
    throw new ExpectedError("invalid", "This location is outside the US and Canada, where Dealflow takes properties", "latitude");
  }
  let postalCode = input.postalCode;
  let city = input.city;
  let region = input.region;
  if (!postalCode) {
    if (!hasLocation) throw new ExpectedError("invalid", "No location: allow location on the phone, or type the ZIP or postal code", "postalCode");
    const place = resolvePlace(input.latitude!, input.longitude!);
    if (!place) throw new ExpectedError("invalid", `No postal area within ${NEAREST_AREA_KM} km of this location; type the ZIP or postal code`, "postalCode");
    postalCode = place.areaCode;
    city ??= place.city ?? undefined;
    region ??= place.region ?? undefined;
  }
  const areaCode = areaCodeOf(postalCode);
  if (!areaCode || !areaCentroid(areaCode)) throw new ExpectedError("invalid", "This ZIP or postal code is not one we know in the US or Canada", "postalCode");
  region ??= geoLookup(areaCode)?.region ?? undefined;
  return {
    areaCode,
    deal: {
      street: input.street,
      unit: input.unit,
      city,
      region,
      postalCode,
      latitude: input.latitude,
      longitude: input.longitude,
    },
  };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Saves a capture once per client key: a resend (the phone never got the answer) returns
 * the first answer and creates nothing. Refusals (bad photo, no location) claim nothing,
 * so the fixed capture can be sent again with the same key.
 */
export async function saveCapture(
  db: TenantDb,
  ctx: AuditContext,
  input: CaptureInput,
  photos: readonly CapturePhoto[],
): Promise<{ status: 200 | 201; result: CaptureResult; replayed: boolean }> {
  if (photos.length > MAX_CAPTURE_PHOTOS) throw new ExpectedError("invalid", `At most ${MAX_CAPTURE_PHOTOS} photos per capture`, "photos");
  for (const photo of photos) checkImageUpload(photo.bytes, photo.fileName);
  const { deal, areaCode } = captureDeal(input);
  const digests = photos.map((p) => sha256(p.bytes));

  const answer = await withIdempotency(db, "capture", input.clientKey, { input, digests }, async () => {
    // A deal this key created before a later step failed: finish it rather than merge into it.
    const earlier = await findCapturedDeal(db, input.clientKey);
    const outcome = earlier
      ? { dealId: earlier.id, merged: false as const }
      : await recordCapturedDeal(db, ctx, { deal, tags: input.tags, note: input.note ?? null, clientKey: input.clientKey });
    const already = await dealFileDigests(db, outcome.dealId);
    let stored = 0;
    for (const [index, photo] of photos.entries()) {
      if (already.has(digests[index])) continue;
      await storeFile(db, { purpose: "deal_photo", dealId: outcome.dealId, fileName: photo.fileName, contentType: photo.contentType, bytes: photo.bytes, createdById: ctx.actorId });
      already.add(digests[index]);
      stored++;
    }
    const photoCount = `${stored} photo${stored === 1 ? "" : "s"}`;
    const photoText = stored ? `, ${photoCount}` : "";
    const result: CaptureResult = {
      dealId: outcome.dealId,
      merged: outcome.merged,
      photos: stored,
      areaCode,
      message: outcome.merged
        ? `This address was already a deal: the tags and note${stored ? ` and ${photoCount}` : ""} were added to it`
        : `Saved as a new deal in ${areaCode}${photoText}`,
    };
    return { status: outcome.merged ? 200 : 201, body: result };
  });
  return { status: answer.replayed ? 200 : (answer.status as 200 | 201), result: answer.body as CaptureResult, replayed: answer.replayed };
}
