/**
 * Consistency checks over the shipped tables and the whole ZIP dataset: every zone is a real
 * IANA zone, US zones stay within the state's zones, metros agree with their ZIPs, and the
 * Canadian FSA table agrees with the provinces in the `zipcodes` dataset.
 */
import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import zipcodes from "zipcodes";
import {
  CA_REGION_CODES,
  REGIONS,
  US_METROS,
  caMarketTimeZone,
  caProvinceTimeZones,
  lookupCanadianPostal,
  lookupUsZip,
  regionCandidateTimeZones,
  regionTimeZones,
  type CaProvince,
} from "@/lib/geo";
import {
  CA_MARKETS,
  FSA_TIME_ZONES,
  POSTAL_CODE_TIME_ZONES,
  PROVINCE_TIME_ZONE,
  TERRITORY_FSAS,
  caMarketIndex,
  caMarketProvince,
  provinceForFsa,
} from "@/lib/geo/canada-fsa";
import {
  US_EQUIVALENT_ZONES,
  US_TERRITORY_ZONES,
  US_TZ_PREFIX_CORRECTIONS,
  US_TZ_ZIP_CORRECTIONS,
} from "@/lib/geo/us-tz-corrections";
import { distanceKm, expandZip3Spec } from "@/lib/geo/us-metros";

const isValidZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const usZips = Object.keys(zipcodes.codes).filter((k) => /^\d{5}$/.test(k));
const caFsas = Object.keys(zipcodes.codes).filter((k) => /^[A-Z]\d[A-Z]$/.test(k));
const usResults = new Map(usZips.map((zip) => [zip, lookupUsZip(zip)]));

describe("every zone is a valid IANA zone", () => {
  it("in the Canadian tables", () => {
    const zones = [
      ...Object.values(PROVINCE_TIME_ZONE),
      ...Object.values(FSA_TIME_ZONES),
      ...Object.values(POSTAL_CODE_TIME_ZONES),
      ...CA_REGION_CODES.flatMap((r) => regionCandidateTimeZones(r, "CA")),
    ];
    for (const zone of zones) expect(isValidZone(zone), zone).toBe(true);
  });

  it("for every FSA of the FSA table and every market", () => {
    const fsas = new Set<string>([...Object.keys(FSA_TIME_ZONES), ...Object.keys(TERRITORY_FSAS), ...caFsas]);
    for (const token of caMarketIndex().keys()) fsas.add(token.length === 3 ? token : `${token[0]}${token[1] ?? "1"}A`);
    for (const code of Object.keys(POSTAL_CODE_TIME_ZONES)) fsas.add(code);
    for (const fsa of fsas) {
      const hit = lookupCanadianPostal(fsa);
      if (fsa === "H0H") continue; // Santa's postal code (H0H 0H0): Quebec, rural, fine either way
      expect(hit, fsa).not.toBeNull();
      expect(isValidZone(hit!.timeZone), `${fsa} ${hit!.timeZone}`).toBe(true);
    }
    for (const [market] of CA_MARKETS) expect(isValidZone(caMarketTimeZone(market) ?? ""), market).toBe(true);
  });

  it("in the US tables and for every ZIP3 metro", () => {
    const zones = [
      ...Object.values(US_TZ_PREFIX_CORRECTIONS),
      ...Object.values(US_TZ_ZIP_CORRECTIONS),
      ...Object.values(US_TERRITORY_ZONES),
      ...US_EQUIVALENT_ZONES.flat(),
      ...US_METROS.map((m) => m.timeZone),
    ];
    for (const zone of zones) expect(isValidZone(zone), zone).toBe(true);
  });

  it("for every ZIP in the dataset", () => {
    const seen = new Set<string>();
    for (const r of usResults.values()) if (r?.timeZone) seen.add(r.timeZone);
    for (const zone of seen) expect(isValidZone(zone), zone).toBe(true);
  });

  it("in every region's candidates", () => {
    for (const r of REGIONS) for (const zone of regionCandidateTimeZones(r.code, r.country)) expect(isValidZone(zone), zone).toBe(true);
  });
});

describe("US ZIP dataset with corrections", () => {
  it("finds every ZIP of the dataset", () => {
    expect(usZips.length).toBeGreaterThan(40000);
    for (const [zip, r] of usResults) expect(r, zip).not.toBeNull();
  });

  it("gives every ZIP in a state one of that state's zones", () => {
    const outside: string[] = [];
    const missing: string[] = [];
    for (const [zip, r] of usResults) {
      const listed = regionTimeZones(r!.region, "US");
      if (listed.length === 0) continue; // territories and military post offices
      if (!r!.timeZone) missing.push(zip);
      else if (!listed.includes(r!.timeZone) && zip !== "96898") outside.push(`${zip} ${r!.region} ${r!.timeZone}`);
    }
    expect(outside).toEqual([]);
    expect(missing).toEqual([]);
    expect(usResults.get("96898")?.timeZone).toBe("Pacific/Wake"); // Wake Island, filed under HI
  });

  it("applies every correction", () => {
    for (const [zip, zone] of Object.entries(US_TZ_ZIP_CORRECTIONS)) {
      const r = lookupUsZip(zip);
      if (r) expect(r.timeZone, zip).toBe(zone);
    }
    for (const [zip, r] of usResults) {
      const prefix = US_TZ_PREFIX_CORRECTIONS[zip.slice(0, 3)];
      if (prefix && !US_TZ_ZIP_CORRECTIONS[zip]) expect(r!.timeZone, zip).toBe(prefix);
    }
  });
});

describe("US metros", () => {
  it("give each ZIP3 to at most one metro", () => {
    const owner = new Map<string, string>();
    for (const metro of US_METROS) {
      for (const p of expandZip3Spec(metro.zip3)) {
        expect(owner.get(p), `${p} in ${owner.get(p)} and ${metro.name}`).toBeUndefined();
        owner.set(p, metro.name);
      }
    }
    expect(US_METROS.length).toBeGreaterThanOrEqual(60);
  });

  it("agree with the market and zone of every ZIP inside them", () => {
    const problems: string[] = [];
    for (const metro of US_METROS) {
      const prefixes = new Set(expandZip3Spec(metro.zip3));
      let inside = 0;
      for (const [zip, r] of usResults) {
        if (!prefixes.has(zip.slice(0, 3)) || !r) continue;
        if (distanceKm(r.latitude, r.longitude, metro.lat, metro.lon) > metro.radiusKm) continue;
        inside++;
        if (r.market !== metro.name) problems.push(`${zip} market ${r.market} != ${metro.name}`);
        if (r.timeZone && r.timeZone !== metro.timeZone) problems.push(`${zip} ${r.city} zone ${r.timeZone} != ${metro.name} ${metro.timeZone}`);
      }
      expect(inside, metro.name).toBeGreaterThan(0);
    }
    expect(problems).toEqual([]);
  });

  it("have their centre inside one of their own prefixes' ZIPs' reach", () => {
    for (const metro of US_METROS) {
      const prefixes = new Set(expandZip3Spec(metro.zip3));
      const nearest = Math.min(
        ...[...usResults.entries()]
          .filter(([zip, r]) => prefixes.has(zip.slice(0, 3)) && r)
          .map(([, r]) => distanceKm(r!.latitude, r!.longitude, metro.lat, metro.lon)),
      );
      expect(nearest, metro.name).toBeLessThan(15);
    }
  });
});

describe("Canadian FSA table", () => {
  const provinceByName: Record<string, string> = {
    "Newfoundland and Labrador": "NL",
    "Nova Scotia": "NS",
    "Prince Edward Island": "PE",
    "New Brunswick": "NB",
    Quebec: "QC",
    Ontario: "ON",
    Manitoba: "MB",
    Saskatchewan: "SK",
    Alberta: "AB",
    "British Columbia": "BC",
    "Northwest Territory": "NT",
    "Nunavut Territory": "NU",
    Yukon: "YT",
  };

  it("agrees with the provinces of the zipcodes dataset's FSAs", () => {
    let checked = 0;
    for (const fsa of caFsas) {
      const expected = provinceByName[zipcodes.codes[fsa].state];
      if (!expected) continue; // a few rows carry a region name instead of the province
      checked++;
      expect(lookupCanadianPostal(fsa)?.region, fsa).toBe(expected);
    }
    expect(checked).toBeGreaterThan(1500);
  });

  it("keeps every market inside one province, with one zone", () => {
    const index = caMarketIndex();
    for (const [token, market] of index) {
      const province = provinceForFsa(token.length === 3 ? token : `${token[0]}${token[1] ?? "1"}A`);
      expect(province, token).toBe(caMarketProvince(market));
    }
    for (const [market] of CA_MARKETS) expect(caMarketTimeZone(market), market).not.toBeNull();
  });

  it("only adds zones to regions.ts where it knows better", () => {
    for (const code of CA_REGION_CODES) {
      const extra = caProvinceTimeZones(code as CaProvince).filter((z) => !regionTimeZones(code, "CA").includes(z));
      expect(extra, code).toEqual(code === "BC" ? ["America/Edmonton"] : []);
    }
  });

  it("has exception FSAs and postal codes in their own province", () => {
    for (const fsa of Object.keys(FSA_TIME_ZONES)) expect(provinceForFsa(fsa), fsa).not.toBeNull();
    for (const code of Object.keys(POSTAL_CODE_TIME_ZONES)) {
      expect(lookupCanadianPostal(code)?.timeZone, code).toBe(POSTAL_CODE_TIME_ZONES[code]);
    }
  });
});

describe("equivalent US zones", () => {
  it("share UTC offsets every few days through 2028", () => {
    for (const group of US_EQUIVALENT_ZONES) {
      for (let t = DateTime.utc(2025, 1, 1); t < DateTime.utc(2029, 1, 1); t = t.plus({ days: 3, hours: 5 })) {
        const expected = t.setZone(group[0]).offset;
        for (const zone of group) expect(t.setZone(zone).offset, `${zone} at ${t.toISO()}`).toBe(expected);
      }
    }
  });
});
