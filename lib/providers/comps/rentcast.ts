/**
 * RentCast's property records (https://developers.rentcast.io, "Property Records",
 * GET /properties): by latitude, longitude and radius (miles), with `saleDateRange` (days)
 * it lists the properties sold in that time, each with its last sale price and date. One
 * request per lookup, no retries: each call is billed.
 */
import { z } from "zod";
import type { PropertyType } from "@/generated/prisma/enums";
import { CompsProviderError, type CompsProvider, type ProviderSale, type SoldCompsQuery } from "./types";

export const RENTCAST_BASE_URL = "https://api.rentcast.io/v1";
const TIMEOUT_MS = 15_000;
const KM_PER_MILE = 1.609344;

export interface RentCastOptions {
  apiKey: string;
  baseUrl?: string | null;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

/** RentCast's property types (https://developers.rentcast.io/reference/property-types) and ours. */
const TYPES: Record<string, PropertyType> = {
  "Single Family": "SFR",
  Condo: "CONDO",
  Townhouse: "TOWNHOUSE",
  "Multi-Family": "MULTI",
  Apartment: "MULTI",
  Manufactured: "MOBILE",
  Land: "LAND",
};
const RENTCAST_TYPE: Partial<Record<PropertyType, string>> = { SFR: "Single Family", CONDO: "Condo", TOWNHOUSE: "Townhouse", MULTI: "Multi-Family", MOBILE: "Manufactured", LAND: "Land" };

// Read leniently: RentCast leaves out what a record lacks, and unknown fields pass.
const Property = z.looseObject({
  id: z.string().optional(),
  addressLine1: z.string().nullish(),
  formattedAddress: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  zipCode: z.string().nullish(),
  latitude: z.number().nullish(),
  longitude: z.number().nullish(),
  propertyType: z.string().nullish(),
  bedrooms: z.number().nullish(),
  bathrooms: z.number().nullish(),
  squareFootage: z.number().nullish(),
  yearBuilt: z.number().nullish(),
  lastSaleDate: z.string().nullish(),
  lastSalePrice: z.number().nullish(),
});
export const RentCastProperties = z.array(Property);

/** The sales among RentCast's records: those with a street, a positive price and a sale date. */
export function salesOf(records: z.infer<typeof RentCastProperties>): ProviderSale[] {
  const sales: ProviderSale[] = [];
  for (const record of records) {
    const street = record.addressLine1 ?? record.formattedAddress?.split(",")[0] ?? null;
    if (!street || !record.lastSalePrice || record.lastSalePrice <= 0 || !record.lastSaleDate) continue;
    sales.push({
      ref: `rentcast:${record.id ?? street}`,
      street,
      city: record.city ?? null,
      region: record.state ?? null,
      postalCode: record.zipCode ?? null,
      latitude: record.latitude ?? null,
      longitude: record.longitude ?? null,
      soldPrice: Math.round(record.lastSalePrice),
      soldAt: record.lastSaleDate.slice(0, 10),
      beds: record.bedrooms ?? null,
      baths: record.bathrooms ?? null,
      sqft: record.squareFootage ? Math.round(record.squareFootage) : null,
      yearBuilt: record.yearBuilt ?? null,
      propertyType: (record.propertyType && TYPES[record.propertyType]) || null,
    });
  }
  return sales;
}

export function rentCastCompsProvider(options: RentCastOptions): CompsProvider {
  const base = (options.baseUrl || RENTCAST_BASE_URL).replace(/\/+$/, "");
  const fetchImpl = options.fetchImpl ?? fetch;
  const fail = (message: string, status: number | null = null) => new CompsProviderError("rentcast", message, status);
  return {
    name: "rentcast",
    async soldNear(query: SoldCompsQuery) {
      const days = Math.max(1, Math.ceil((Date.now() - query.soldSince.getTime()) / 86_400_000));
      const params = new URLSearchParams({
        latitude: String(query.latitude),
        longitude: String(query.longitude),
        radius: (query.radiusKm / KM_PER_MILE).toFixed(2),
        saleDateRange: String(days),
        limit: String(Math.min(500, Math.max(1, query.limit))),
      });
      const type = query.propertyType && RENTCAST_TYPE[query.propertyType];
      if (type) params.set("propertyType", type);
      let response: Response;
      try {
        response = await fetchImpl(`${base}/properties?${params}`, {
          headers: { "x-api-key": options.apiKey, accept: "application/json" },
          signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
        });
      } catch (error) {
        const timedOut = (error as Error).name === "TimeoutError" || (error as Error).name === "AbortError";
        throw fail(timedOut ? `RentCast did not answer within ${Math.round((options.timeoutMs ?? TIMEOUT_MS) / 1000)} s` : `RentCast could not be reached: ${(error as Error).message}`);
      }
      const text = await response.text();
      if (!response.ok) throw fail(`RentCast answered ${response.status}: ${text.slice(0, 200) || response.statusText}`, response.status);
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : [];
      } catch {
        throw fail("RentCast answered with a body that is not JSON", response.status);
      }
      const parsed = RentCastProperties.safeParse(json);
      if (!parsed.success) throw fail("RentCast answered with a body that is not a list of properties", response.status);
      return salesOf(parsed.data);
    },
  };
}
