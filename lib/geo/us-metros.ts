/**
 * Major US metro areas by 3-digit ZIP prefix (USPS sectional center facility), roughly the
 * 75 largest metropolitan statistical areas (US Census Bureau MSA ranking) plus a few
 * multi-zone-state anchors. A sectional center often reaches past the metro (853 includes
 * Yuma, 780 Laredo), so a ZIP counts toward the metro only within `radiusKm` of its centre
 * when the ZIP's coordinates are known; otherwise the prefix alone decides.
 *
 * `timeZone` is the zone of the whole metro; a test checks it against every known ZIP inside
 * the radius.
 */
export interface UsMetro {
  name: string;
  timeZone: string;
  /** Comma-separated 3-digit prefixes and inclusive ranges: "100-104,110-114". */
  zip3: string;
  lat: number;
  lon: number;
  radiusKm: number;
}

const m = (name: string, timeZone: string, zip3: string, lat: number, lon: number, radiusKm: number): UsMetro => ({
  name,
  timeZone,
  zip3,
  lat,
  lon,
  radiusKm,
});

const ET = "America/New_York";
const CT = "America/Chicago";
const MT = "America/Denver";
const PT = "America/Los_Angeles";

export const US_METROS: readonly UsMetro[] = [
  m("New York", ET, "100-119,070-079,087-089", 40.71, -74.01, 150),
  m("Los Angeles", PT, "900-918,926-928", 34.05, -118.24, 100),
  m("Chicago", CT, "600-608,463-464", 41.88, -87.63, 100),
  m("Dallas-Fort Worth", CT, "750-753,760-762", 32.8, -97.05, 100),
  m("Houston", CT, "770-775", 29.76, -95.37, 100),
  m("Washington DC", ET, "200-209,220-223", 38.9, -77.04, 90),
  m("Philadelphia", ET, "080-081,190-191,193-194,197-198", 39.95, -75.17, 80),
  m("Miami", ET, "330-334", 25.76, -80.19, 130),
  m("Atlanta", ET, "300-303", 33.75, -84.39, 90),
  m("Boston", ET, "017-024", 42.36, -71.06, 70),
  m("Phoenix", "America/Phoenix", "850-853", 33.45, -112.07, 90),
  m("San Francisco", PT, "940-941,943-949", 37.77, -122.42, 75),
  m("Riverside-San Bernardino", PT, "922-925", 34.05, -117.3, 120),
  m("Detroit", "America/Detroit", "480-483", 42.33, -83.05, 70),
  m("Seattle", PT, "980-984", 47.61, -122.33, 70),
  m("Minneapolis-St. Paul", CT, "550-551,553-555", 44.98, -93.27, 80),
  m("San Diego", PT, "919-921", 32.72, -117.16, 80),
  m("Tampa", ET, "335-337,346", 27.95, -82.46, 80),
  m("Denver", MT, "800-802", 39.74, -104.99, 70),
  m("Baltimore", ET, "210-212,214", 39.29, -76.61, 60),
  m("St. Louis", CT, "620,622,630-631,633", 38.63, -90.2, 80),
  m("Orlando", ET, "327-328,347", 28.54, -81.38, 80),
  m("Charlotte", ET, "280-282,297", 35.23, -80.84, 70),
  m("San Antonio", CT, "780-782", 29.42, -98.49, 70),
  m("Portland", PT, "970-972,986", 45.52, -122.68, 70),
  m("Sacramento", PT, "956-958", 38.58, -121.49, 70),
  m("Pittsburgh", ET, "150-152,156", 40.44, -80.0, 70),
  m("Las Vegas", PT, "889-891", 36.17, -115.14, 70),
  m("Austin", CT, "786-787", 30.27, -97.74, 70),
  m("Cincinnati", ET, "410,450-452", 39.1, -84.51, 60),
  m("Kansas City", CT, "640-641,660-662", 39.1, -94.58, 70),
  m("Columbus", ET, "430-432", 39.96, -83.0, 70),
  m("Indianapolis", "America/Indiana/Indianapolis", "460-462", 39.77, -86.16, 70),
  m("Cleveland", ET, "440-441", 41.5, -81.69, 60),
  m("San Jose", PT, "950-951", 37.34, -121.89, 50),
  m("Nashville", CT, "370-372", 36.16, -86.78, 60),
  m("Virginia Beach-Norfolk", ET, "233-237", 36.85, -76.29, 60),
  m("Providence", ET, "028-029", 41.82, -71.41, 50),
  m("Jacksonville", ET, "320,322", 30.33, -81.66, 60),
  m("Milwaukee", CT, "530-532", 43.04, -87.91, 45),
  m("Raleigh-Durham", ET, "275-277", 35.85, -78.78, 60),
  m("Oklahoma City", CT, "730-731", 35.47, -97.52, 60),
  m("Memphis", CT, "380-381", 35.15, -90.05, 60),
  m("Richmond", ET, "230-232", 37.54, -77.44, 60),
  m("Louisville", ET, "400-402", 38.25, -85.76, 60),
  m("New Orleans", CT, "700-701", 29.95, -90.07, 60),
  m("Salt Lake City", MT, "840-841", 40.76, -111.89, 45),
  m("Hartford", ET, "060-061", 41.76, -72.68, 45),
  m("Buffalo", ET, "140-142", 42.89, -78.88, 50),
  m("Birmingham", CT, "350-352", 33.52, -86.81, 60),
  m("Rochester", ET, "144-146", 43.16, -77.61, 50),
  m("Grand Rapids", "America/Detroit", "493-495", 42.96, -85.67, 50),
  m("Tucson", "America/Phoenix", "856-857", 32.22, -110.97, 70),
  m("Honolulu", "Pacific/Honolulu", "967-968", 21.31, -157.86, 60),
  m("Tulsa", CT, "740-741", 36.15, -95.99, 60),
  m("Fresno", PT, "936-938", 36.74, -119.79, 50),
  m("Worcester", ET, "015-016", 42.26, -71.8, 40),
  m("Omaha", CT, "680-681", 41.26, -95.93, 50),
  m("Albuquerque", MT, "870-871", 35.08, -106.65, 60),
  m("Bakersfield", PT, "932-933", 35.37, -119.02, 60),
  m("Albany", ET, "120-123", 42.65, -73.75, 50),
  m("Knoxville", ET, "377-379", 35.96, -83.92, 60),
  m("El Paso", MT, "799,885", 31.76, -106.49, 60),
  m("Baton Rouge", CT, "707-708", 30.45, -91.19, 50),
  m("Columbia", ET, "290-292", 34.0, -81.03, 50),
  m("Dayton", ET, "453-454", 39.76, -84.19, 45),
  m("Toledo", ET, "434-436", 41.65, -83.54, 45),
  m("Akron", ET, "442-443", 41.08, -81.52, 35),
  m("Des Moines", CT, "500-503", 41.59, -93.62, 50),
  m("Little Rock", CT, "720-722", 34.75, -92.29, 50),
  m("Colorado Springs", MT, "808-809", 38.83, -104.82, 50),
  m("Boise", "America/Boise", "836-837", 43.62, -116.2, 50),
  m("Spokane", PT, "990-992", 47.66, -117.43, 50),
  m("Pensacola", CT, "325", 30.42, -87.22, 50),
];

/** Expands "100-104,110" to ["100","101",...,"104","110"]. */
export function expandZip3Spec(spec: string): string[] {
  const out: string[] = [];
  for (const part of spec.split(",")) {
    const [a, b] = part.trim().split("-");
    const from = Number(a);
    const to = b === undefined ? from : Number(b);
    for (let i = from; i <= to; i++) out.push(String(i).padStart(3, "0"));
  }
  return out;
}

let byZip3: Map<string, UsMetro> | undefined;

/** The metro whose prefix list holds this ZIP3 (each prefix belongs to at most one metro). */
export function metroForZip3(zip3: string): UsMetro | undefined {
  if (!byZip3) {
    byZip3 = new Map();
    for (const metro of US_METROS) for (const p of expandZip3Spec(metro.zip3)) byZip3.set(p, metro);
  }
  return byZip3.get(zip3);
}

/** Great-circle distance in kilometres. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The metro for a ZIP: by prefix, then (when coordinates are known) within the metro's radius. */
export function metroForZip(zip: string, lat?: number | null, lon?: number | null): UsMetro | undefined {
  const metro = metroForZip3(zip.slice(0, 3));
  if (!metro) return undefined;
  if (typeof lat === "number" && typeof lon === "number" && Number.isFinite(lat) && Number.isFinite(lon)) {
    if (distanceKm(lat, lon, metro.lat, metro.lon) > metro.radiusKm) return undefined;
  }
  return metro;
}
