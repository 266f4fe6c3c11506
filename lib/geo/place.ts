import { normalizeAddress, type AddressInput } from "./address";
import type { Country } from "./regions";
import { resolveGeo } from "./resolve";

/** Where a property is, as a deal stores it: the normalized address, its dedupe key, and geo. */
export interface PlacedAddress {
  street: string;
  unit: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: Country | null;
  addressKey: string;
  market: string | null;
  timeZone: string | null;
}

/** Pure: normalizes an address and places it (region, country, market, time zone). */
export function placeAddress(input: AddressInput): PlacedAddress {
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
  };
}
