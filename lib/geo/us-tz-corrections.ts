/**
 * Time-zone corrections for US ZIP codes that the `zipcode-to-timezone` dataset gets wrong.
 *
 * Every entry follows the *official* boundary (15 U.S.C. 260-267 and the zone boundaries in
 * 49 CFR Part 71, as modelled by the IANA tz database) and was checked two ways: against the
 * statute / tzdb notes named in each group, and by looking up each ZIP's centroid (from the
 * `zipcodes` dataset) in the timezone-boundary-builder polygons. Unofficial local practice is
 * not modelled (e.g. Phenix City AL unofficially keeping Eastern time); where a town officially
 * split by a line observes one side (Fort Pierre SD observes Central), the dataset value is kept.
 *
 * Zones are written as the zone regions.ts lists for the state, so every zone this module emits
 * for a state is one of regionTimeZones(state) (Nevada's Mountain zone there is America/Boise).
 */

/** Whole 3-digit ZIP prefixes (sectional centers) that lie entirely in one zone. */
export const US_TZ_PREFIX_CORRECTIONS: Readonly<Record<string, string>> = {
  // Western Kentucky: Paducah (420), Bowling Green (421), Hopkinsville (422), Owensboro (423),
  // Henderson/Madisonville (424) are all Central (49 CFR 71.6). The dataset has them Eastern.
  "420": "America/Chicago",
  "421": "America/Chicago",
  "422": "America/Chicago",
  "423": "America/Chicago",
  "424": "America/Chicago",
  // Northwestern Indiana (Lake, Porter, LaPorte, Starke, Jasper, Newton counties; Gary, Hammond,
  // Valparaiso, Michigan City) is Central (tzdb America/Chicago; 49 CFR 71.6). Dataset: Eastern.
  "463": "America/Chicago",
  "464": "America/Chicago",
  // Southwestern Indiana (Evansville: Vanderburgh, Posey, Warrick, Gibson, Spencer) is Central.
  "476": "America/Chicago",
  "477": "America/Chicago",
  // Pinned though the dataset is right, so that new ZIPs in them resolve too:
  "325": "America/Chicago", // Pensacola, FL (Escambia, Santa Rosa, Okaloosa, Walton): Central
  "799": "America/Denver", // El Paso, TX: Mountain (49 CFR 71.7)
  "885": "America/Denver", // El Paso, TX (unique/PO box ZIPs)
};

const zips = (zone: string, list: string): Array<[string, string]> =>
  list
    .split(/\s+/)
    .filter(Boolean)
    .map((zip) => [zip, zone]);

/** Single ZIPs; these win over the prefix table and the dataset. */
export const US_TZ_ZIP_CORRECTIONS: Readonly<Record<string, string>> = Object.fromEntries([
  // Kentucky, Central-time counties outside 420-424: Breckinridge (Cloverport, Hardinsburg...),
  // Grayson (Leitchfield), Hart (Munfordville), Green (Greensburg), Adair, Russell (Jamestown),
  // Clinton (Albany), Cumberland (Marrowbone). Dataset: Eastern.
  ...zips(
    "America/Chicago",
    `40111 40115 40140 40143 40144 40145 40146 40152 40153 40170 40171 40176 40178
     42602 42629 42713 42715 42720 42722 42741 42742 42743 42746 42753 42754 42755 42759
     42762 42765 42782`,
  ),
  // Indiana: Spencer County (Santa Claus, Lincoln City...) and Newton/Jasper counties (Kentland,
  // Rensselaer...) are Central; New Carlisle (St. Joseph County) is Eastern.
  ...zips("America/Chicago", "47531 47536 47550 47552 47556 47579 47922 47951 47963 47964 47977 47978"),
  ...zips("America/Indiana/Indianapolis", "46552"),
  // South Dakota: Jones, Mellette and Todd counties are Central (49 CFR 71.7(b): the line runs
  // "along the western boundaries of Jones, Mellette and Todd Counties"). Dataset: Mountain.
  ...zips("America/Chicago", "57555 57560 57562 57563 57566 57570 57572 57579 57585"),
  // North Dakota: Morton County (Mandan, 2003), eastern Sioux County (Fort Yates, 2003) and
  // Mercer County (Beulah, Hazen, 2010) moved to Central (tzdb North_Dakota/New_Salem, Beulah).
  ...zips(
    "America/Chicago",
    "58520 58523 58528 58538 58541 58545 58554 58563 58566 58568 58570 58571 58580 58631 58638",
  ),
  // North Dakota: Cartwright (southwestern McKenzie County) is Mountain.
  ...zips("America/Denver", "58838"),
  // Texas: Salt Flat (Hudspeth County) is Mountain like El Paso (49 CFR 71.7).
  ...zips("America/Denver", "79847"),
  // Idaho: Riggins and Warren (Idaho County south of the Salmon River) are Mountain.
  ...zips("America/Boise", "83549 83671"),
  // Arizona keeps MST all year except the Navajo Nation, which observes DST. The dataset puts
  // DST zones on many non-Navajo places: the Hopi villages (Hotevilla, Kykotsmovi, Polacca,
  // Second Mesa, Keams Canyon), the White Mountain Apache and Show Low area, Page, Holbrook,
  // Winslow, Williams, the Arizona Strip (Fredonia, Colorado City), Benson, Wellton...
  ...zips(
    "America/Phoenix",
    `85356 85539 85602 85637 85645 85901 85902 85911 85912 85920 85923 85924 85925 85926
     85927 85928 85929 85930 85932 85933 85934 85935 85936 85937 85938 85939 85940 85941
     85942 86021 86022 86024 86025 86029 86030 86032 86034 86036 86038 86039 86040 86042
     86043 86046 86047 86434 86435 86512`,
  ),
  // Arizona: Gray Mountain is on the Navajo Nation (observes DST).
  ...zips("America/Denver", "86016"),
  // Nevada: West Wendover is officially Mountain (DOT rule, 1999).
  ...zips("America/Boise", "89883"),
  // Oregon: Malheur County (Ontario, Nyssa, Vale, Jordan Valley...) is Mountain; tzdb
  // America/Boise covers "OR (east)". Dataset: Pacific.
  ...zips("America/Boise", "97901 97902 97903 97906 97908 97909 97910 97911 97913 97914 97917 97918 97920"),
  // Alaska: Adak and Atka (Aleutians west of 169°30'W) are Hawaii-Aleutian time (America/Adak).
  ...zips("America/Adak", "99546 99547"),
  // ZIPs missing from the dataset in ZIP3s that straddle a boundary:
  ...zips("America/Chicago", "32452 32463"), // Noma, Wausau FL (Holmes, Washington counties)
  ...zips("America/New_York", "40166"), // Shepherdsville KY (Bullitt County)
  ...zips("America/Chicago", "58803"), // Williston ND (Williams County)
  ...zips("America/Phoenix", "86005"), // Flagstaff AZ
  // Wake Island is filed under HI in the ZIP dataset but is UTC+12 (tzdb Pacific/Wake).
  ...zips("Pacific/Wake", "96898"),
]);

/**
 * Zones with the same rules today (and for the foreseeable future) as a zone regions.ts lists.
 * The dataset uses historical sub-zones (America/Kentucky/Louisville, America/Indiana/Knox...);
 * they are mapped to the state's listed zone so callers see one zone per clock. The groups are
 * checked by a test that compares UTC offsets week by week.
 */
export const US_EQUIVALENT_ZONES: readonly (readonly string[])[] = [
  [
    "America/New_York",
    "America/Detroit",
    "America/Indiana/Indianapolis",
    "America/Kentucky/Louisville",
    "America/Kentucky/Monticello",
    "America/Indiana/Vincennes",
    "America/Indiana/Winamac",
    "America/Indiana/Marengo",
    "America/Indiana/Petersburg",
    "America/Indiana/Vevay",
  ],
  [
    "America/Chicago",
    "America/Menominee",
    "America/Indiana/Knox",
    "America/Indiana/Tell_City",
    "America/North_Dakota/Center",
    "America/North_Dakota/New_Salem",
    "America/North_Dakota/Beulah",
  ],
  ["America/Denver", "America/Boise", "America/Shiprock"],
  ["America/Anchorage", "America/Juneau", "America/Nome", "America/Sitka", "America/Yakutat", "America/Metlakatla"],
];

/** Deprecated backward-compatibility links that are never emitted. */
export const US_DEPRECATED_ZONES: Readonly<Record<string, string>> = {
  "America/Shiprock": "America/Denver",
};

/** Single-zone US territories (regions.ts covers only the states and DC). */
export const US_TERRITORY_ZONES: Readonly<Record<string, string>> = {
  PR: "America/Puerto_Rico",
  VI: "America/St_Thomas",
  GU: "Pacific/Guam",
  MP: "Pacific/Saipan",
  AS: "Pacific/Pago_Pago",
  PW: "Pacific/Palau",
  MH: "Pacific/Majuro", // Majuro and Kwajalein (Ebeye) are both UTC+12
};
