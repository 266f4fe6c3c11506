// Minimal typings for two untyped CommonJS datasets; only what lib/geo uses.

declare module "zipcodes" {
  export interface ZipCodeRecord {
    zip: string;
    latitude: number;
    longitude: number;
    city: string;
    /** Two-letter state for US rows; the province's full name for Canadian FSA rows. */
    state: string;
    country: string;
  }
  export function lookup(zip: string | number): ZipCodeRecord | undefined;
  export function lookupByName(city: string, state: string): ZipCodeRecord[];
  export const codes: Readonly<Record<string, ZipCodeRecord>>;
  const zipcodes: {
    lookup: typeof lookup;
    lookupByName: typeof lookupByName;
    codes: typeof codes;
  };
  export default zipcodes;
}

declare module "zipcode-to-timezone" {
  export function lookup(zip: string): string | null;
  const zipcodeToTimezone: { lookup: typeof lookup };
  export default zipcodeToTimezone;
}
