import { normalizeAddress, type AddressInput, type NormalizedAddress } from "./address";
import { areaCentroid, areaCodeOf } from "./area";
import { resolveGeo } from "./resolve";

/** Where a property is on the map: its own coordinates, or its postal area's centre. */
export interface PlacedLocation {
  latitude: number | null;
  longitude: number | null;
  /** "intake" when the deal brought its own coordinates, "centroid" for its postal area's centre. */
  locationSource: "intake" | "centroid" | null;
  /** The postal area it counts toward in market intel: a ZIP or an FSA. */
  areaCode: string | null;
}

/** Where a property is, as a deal stores it: the normalized address, its dedupe key, and geo. */
export type PlacedAddress = NormalizedAddress & { market: string | null; timeZone: string | null } & PlacedLocation;

export type PlaceInput = AddressInput & { latitude?: number | null; longitude?: number | null };

const isCoordinate = (value: unknown, limit: number): value is number => typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= limit;

/** Pure: the deal's own coordinates when it has a valid pair, else its postal area's centroid. */
export function locate(postalCode: string | null | undefined, latitude?: number | null, longitude?: number | null): PlacedLocation {
  const areaCode = areaCodeOf(postalCode);
  if (isCoordinate(latitude, 90) && isCoordinate(longitude, 180) && !(latitude === 0 && longitude === 0)) {
    return { latitude, longitude, locationSource: "intake", areaCode };
  }
  const centroid = areaCode ? areaCentroid(areaCode) : null;
  if (!centroid) return { latitude: null, longitude: null, locationSource: null, areaCode };
  return { latitude: centroid.latitude, longitude: centroid.longitude, locationSource: "centroid", areaCode };
}

/** Pure: normalizes an address and places it (region, country, market, time zone, map location). */
export function placeAddress(input: PlaceInput): PlacedAddress {
  const address = normalizeAddress({
    street: input.street,
    unit: input.unit ?? null,
    city: input.city ?? null,
    region: input.region ?? null,
    postalCode: input.postalCode ?? null,
    country: input.country ?? null,
  });
  const geo = resolveGeo({ postalCode: address.postalCode, region: address.region, city: address.city, country: address.country });
  return {
    street: address.street,
    unit: address.unit,
    city: address.city ?? null,
    region: geo.region ?? address.region ?? null,
    postalCode: address.postalCode ?? null,
    country: geo.country ?? address.country ?? null,
    addressKey: address.addressKey,
    market: geo.market ?? null,
    timeZone: geo.timeZone ?? null,
    ...locate(address.postalCode, input.latitude, input.longitude),
  };
}
