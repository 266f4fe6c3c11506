/**
 * Address verification from the shipped postal data (lib/geo), used when no print-and-mail
 * provider verifies for us: the ZIP (US) or the FSA (the first three characters of a
 * Canadian postal code) must exist, and the city and the state or province written on the
 * piece must agree with it. Pure: the postal data is in the bundle.
 */
import zipcodes from "zipcodes";
import { lookupCanadianPostal, normalizeRegion, parsePostalCode, type Country } from "@/lib/geo";
import { caMarketForCity, type CaProvince } from "@/lib/geo/canada-fsa";
import { cityKey } from "@/lib/geo/address";
import { haversineKm } from "@/lib/geo";

export interface MailingAddress {
  toName: string;
  addressLine1: string;
  addressLine2?: string | null;
  city: string;
  region: string;
  postalCode: string;
  country: Country;
}

export type AddressVerification =
  | { ok: true; address: MailingAddress; source: "postal-data" | "lob" }
  | { ok: false; field: keyof MailingAddress; reason: string; source: "postal-data" | "lob" };

/**
 * A place name that is not the ZIP's own but lies this close to it is accepted: the post
 * office delivers to the neighbouring names it serves (a ZIP carries one city in the data).
 */
const NEIGHBOUR_KM = 12;

function refuse(field: keyof MailingAddress, reason: string): AddressVerification {
  return { ok: false, field, reason, source: "postal-data" };
}

/** Cities compare by their key: case, accents, hyphens and "St."/"Saint", "Ft."/"Fort" folded. */
function sameCity(a: string, b: string): boolean {
  const left = cityKey(a);
  return left.length > 0 && left === cityKey(b);
}

function verifyUs(address: MailingAddress, zip: string): AddressVerification {
  const record = zipcodes.lookup(zip);
  if (!record || record.country !== "US") return refuse("postalCode", `ZIP ${zip} does not exist`);
  const region = normalizeRegion(address.region, "US");
  if (!region) return refuse("region", `${address.region || "The state"} is not a US state`);
  const place = `${record.city}, ${record.state}`;
  const written = `${address.city.trim()}, ${region.code}`;
  if (region.code !== record.state) return refuse("region", `ZIP ${zip} is in ${place}, not ${written}`);
  if (sameCity(address.city, record.city)) return { ok: true, address: { ...address, region: region.code, postalCode: zip }, source: "postal-data" };
  const namedPlaces = zipcodes.lookupByName(address.city.trim(), region.code);
  const near = namedPlaces.some((p) => haversineKm(p.latitude, p.longitude, record.latitude, record.longitude) <= NEIGHBOUR_KM);
  if (near) return { ok: true, address: { ...address, region: region.code, postalCode: zip }, source: "postal-data" };
  return refuse("city", `ZIP ${zip} is in ${place}, not ${written}`);
}

/** The FSA's place names in the data ("Downtown Toronto (CN Tower / ...)"), folded to city keys. */
function fsaPlaceKeys(fsa: string): string[] {
  const record = zipcodes.lookup(fsa);
  if (!record) return [];
  return record.city.split(/[()/,]/).map((part) => cityKey(part)).filter(Boolean);
}

function verifyCa(address: MailingAddress, postalCode: string, fsa: string): AddressVerification {
  const info = lookupCanadianPostal(fsa);
  const inData = zipcodes.lookup(fsa);
  if (!info || !inData) return refuse("postalCode", `Postal code ${postalCode} is in no known forward sortation area (${fsa})`);
  const region = normalizeRegion(address.region, "CA");
  if (!region) return refuse("region", `${address.region || "The province"} is not a Canadian province or territory`);
  const written = `${address.city.trim()}, ${region.code}`;
  const where = info.rural ? `a rural area of ${info.region}` : `${info.market}, ${info.region}`;
  if (region.code !== info.region) return refuse("region", `Postal code ${postalCode} is in ${where}, not ${written}`);
  const city = cityKey(address.city);
  if (!city) return refuse("city", "Enter the city");
  // Urban FSAs name a neighbourhood of their city; the city agrees when it is the FSA's market or named in it.
  const keys = fsaPlaceKeys(fsa);
  const named = keys.some((key) => ` ${key} `.includes(` ${city} `));
  const market = caMarketForCity(address.city, region.code as CaProvince);
  if (named || market === info.market) return { ok: true, address: { ...address, region: region.code, postalCode }, source: "postal-data" };
  // A rural FSA covers many villages the data does not list: the province must agree, and did.
  if (info.rural && !market) return { ok: true, address: { ...address, region: region.code, postalCode }, source: "postal-data" };
  return refuse("city", `Postal code ${postalCode} is in ${where}, not ${written}`);
}

/** Verifies a mailing address against the shipped postal data; the reason names what disagrees. */
export function verifyMailingAddress(address: MailingAddress): AddressVerification {
  if (!address.toName.trim()) return refuse("toName", "Enter who the piece is addressed to");
  if (!address.addressLine1.trim()) return refuse("addressLine1", "Enter the street address");
  if (!address.city.trim()) return refuse("city", "Enter the city");
  const parsed = parsePostalCode(address.postalCode);
  if (!parsed) return refuse("postalCode", `${address.postalCode || "The postal code"} is not a US ZIP or a Canadian postal code`);
  if (parsed.country !== address.country) {
    return refuse("postalCode", `${address.postalCode} is a ${parsed.country === "US" ? "US ZIP" : "Canadian postal code"}, but the country is ${address.country}`);
  }
  return parsed.country === "US" ? verifyUs(address, parsed.zip) : verifyCa(address, parsed.postalCode, parsed.fsa);
}
