/**
 * A bounding box on the map as URLs and the API carry it: "minLng,minLat,maxLng,maxLat"
 * (GeoJSON's order). Pure and client-safe: the Prospects filters and the map page share it.
 */
import { z } from "zod";

/** [west, south, east, north] in degrees. */
export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

export const WORLD_BBOX: Bbox = [-180, -90, 180, 90];

/** Six decimals (about 10 cm) are more than a selection needs and keep links short. */
const rounded = (value: number) => Math.round(value * 1e6) / 1e6;

/** "-97.1,32.6,-96.5,33.1" or [-97.1, 32.6, -96.5, 33.1] -> a box; undefined when it is not one. */
export function parseBbox(input: unknown): Bbox | undefined {
  const parts = Array.isArray(input) ? (input.length === 1 ? String(input[0]).split(",") : input) : typeof input === "string" ? input.split(",") : [];
  if (parts.length !== 4) return undefined;
  const numbers = parts.map((part) => (typeof part === "number" ? part : String(part).trim() === "" ? Number.NaN : Number(part)));
  if (numbers.some((n) => !Number.isFinite(n))) return undefined;
  const [minLng, minLat, maxLng, maxLat] = numbers;
  if (minLng < -180 || maxLng > 180 || minLat < -90 || maxLat > 90) return undefined;
  // A box across the antimeridian would read as its complement; the served countries never need one.
  if (minLng > maxLng || minLat > maxLat) return undefined;
  return [rounded(minLng), rounded(minLat), rounded(maxLng), rounded(maxLat)];
}

/** A box held within the world (a map zoomed out shows the world repeated past the antimeridian). */
export function clampBbox([minLng, minLat, maxLng, maxLat]: readonly number[]): Bbox {
  const lng = (value: number) => Math.max(-180, Math.min(180, value));
  const lat = (value: number) => Math.max(-90, Math.min(90, value));
  return [lng(minLng), lat(minLat), lng(maxLng), lat(maxLat)];
}

export function formatBbox(bbox: Bbox): string {
  return bbox.map((value) => String(rounded(value))).join(",");
}

/** The part two boxes share; undefined when they do not meet. */
export function intersectBbox(a: Bbox, b: Bbox): Bbox | undefined {
  const box: Bbox = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return box[0] <= box[2] && box[1] <= box[3] ? box : undefined;
}

/** A box as a URL/API parameter: "minLng,minLat,maxLng,maxLat", longitudes -180..180, latitudes -90..90. */
export const BboxValue = z.preprocess(
  (value) => parseBbox(value) ?? value,
  z.tuple([z.number(), z.number(), z.number(), z.number()], { error: "Use minLng,minLat,maxLng,maxLat in degrees, west before east and south before north" }),
);
/** The same, left out when blank (a filter). */
export const BboxParam = z.preprocess((value) => (value === "" || value === null ? undefined : value), BboxValue.optional());

/** A US 5-digit ZIP or a Canadian forward sortation area ("M5V"), upper-cased. */
export const AREA_CODE_PATTERN = /^(\d{5}|[ABCEGHJ-NPRSTVXY]\d[A-Z])$/;
/** At most this many areas in one filter: a selection on the map, not the whole country. */
export const MAX_AREA_CODES = 200;

/** `area=75201,M5V` (or repeated): postal area codes, upper-cased, each checked. */
export const AreaCodesParam = z.preprocess(
  (value) => {
    if (value === undefined || value === "" || value === null) return undefined;
    const list = (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(","));
    const codes = [...new Set(list.map((code) => code.trim().toUpperCase()).filter(Boolean))];
    return codes.length ? codes : undefined;
  },
  z.array(z.string().regex(AREA_CODE_PATTERN, "Use US 5-digit ZIP codes or Canadian FSAs (M5V)")).max(MAX_AREA_CODES).optional(),
);
