/** Public API of lib/geo: postal codes, address keys, time zones and markets (DESIGN D2). */
export { parsePostalCode, parseFsa, postalKey, type ParsedPostalCode } from "./postal";
export {
  lookupCanadianPostal,
  provinceForFsa,
  caProvinceTimeZones,
  caMarketForCity,
  caMarketTimeZone,
  type CaPostalInfo,
  type CaProvince,
} from "./canada-fsa";
export { lookupUsZip, lookupUsZipPrefix, canonicalUsZone, type UsZipInfo, type UsZipPrefixInfo } from "./us-zip";
export { US_METROS, metroForZip, type UsMetro } from "./us-metros";
export {
  normalizeAddress,
  streetKey,
  cityKey,
  titleCase,
  type AddressInput,
  type NormalizedAddress,
} from "./address";
export { normalizeRegion, normalizeCountry } from "./region-names";
export { placeAddress, locate, type PlacedAddress, type PlacedLocation, type PlaceInput } from "./place";
export { areaCodeOf, areaCountry, areaCentroid, nearestArea, haversineKm, isInServedCountries, type AreaCentroid } from "./area";
export {
  resolveGeo,
  geoLookup,
  regionCandidateTimeZones,
  type GeoInput,
  type GeoResolution,
  type GeoLookup,
} from "./resolve";
export {
  REGIONS,
  US_REGION_CODES,
  CA_REGION_CODES,
  getRegion,
  regionTimeZones,
  type Country,
  type RegionInfo,
} from "./regions";
