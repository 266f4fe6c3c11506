import { normalizeAddress, type AddressInput, type NormalizedAddress } from "./address";
import { resolveGeo } from "./resolve";

/** Where a property is, as a deal stores it: the normalized address, its dedupe key, and geo. */
export type PlacedAddress = NormalizedAddress & { market: string | null; timeZone: string | null };

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
