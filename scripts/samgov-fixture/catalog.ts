/**
 * What the generated SAM.gov feed is made of: agencies with their offices and places of
 * performance, NAICS codes with PSCs and the work they describe, contractors. Names follow
 * SAM.gov's and USAspending's spelling so filters and matching behave as they do live.
 */

export interface Place {
  city: string;
  state: string;
  stateName: string;
  zip: string;
  street?: string;
}

export interface Agency {
  /** SAM.gov's fullParentPathName and fullParentPathCode. */
  path: string;
  code: string;
  /** The office's code, the head of its solicitation numbers and PIIDs (36C250, W912QR...). */
  office: string;
  /** The solicitation letters this office uses (Q quotes, R proposals, B bids, T quotes at DLA). */
  letters: string[];
  /** USAspending's toptier and sub-tier names. */
  toptier: string;
  subtier: string;
  agencyCode: string;
  emailDomain: string;
  address: Place;
  /** UTC offset in hours in standard time (DST applies from April to October). */
  utcOffset: number;
  places: Place[];
  families: Family[];
  setAsides: string[];
  weight: number;
}

export type Family = "construction" | "facilities" | "it" | "engineering" | "professional" | "manufacturing" | "medical";

export interface NaicsEntry {
  code: string;
  description: string;
  psc: { code: string; description: string }[];
  /** Title stems; {place} is replaced by the site. */
  titles: string[];
  /** Scope sentences for the description. */
  scope: string[];
  /** Range of contract values, dollars. */
  value: [number, number];
}

const p = (city: string, state: string, stateName: string, zip: string, street?: string): Place => ({ city, state, stateName, zip, street });

export const AGENCIES: Agency[] = [
  {
    path: "VETERANS AFFAIRS, DEPARTMENT OF.VETERANS AFFAIRS, DEPARTMENT OF.250-NETWORK CONTRACT OFFICE 10 (36C250)",
    code: "036.3600.36C250", office: "36C250", letters: ["Q", "R", "B"], toptier: "Department of Veterans Affairs", subtier: "Department of Veterans Affairs", agencyCode: "3600",
    emailDomain: "va.gov", address: p("Dayton", "OH", "Ohio", "45428"), utcOffset: -5,
    places: [p("Dayton", "OH", "Ohio", "45428", "4100 W Third St"), p("Cincinnati", "OH", "Ohio", "45220", "3200 Vine St"), p("Chillicothe", "OH", "Ohio", "45601", "17273 State Route 104"), p("Cleveland", "OH", "Ohio", "44106", "10701 East Blvd"), p("Indianapolis", "IN", "Indiana", "46202", "1481 W 10th St"), p("Fort Wayne", "IN", "Indiana", "46805", "2121 Lake Ave"), p("Ann Arbor", "MI", "Michigan", "48105", "2215 Fuller Rd"), p("Detroit", "MI", "Michigan", "48201", "4646 John R St")],
    families: ["construction", "facilities", "medical", "engineering"], setAsides: ["SDVOSBC", "SDVOSBC", "VSA", "SBA", "SDVOSBS", "VSS"], weight: 9,
  },
  {
    path: "VETERANS AFFAIRS, DEPARTMENT OF.VETERANS AFFAIRS, DEPARTMENT OF.249-NETWORK CONTRACT OFFICE 9 (36C249)",
    code: "036.3600.36C249", office: "36C249", letters: ["Q", "R"], toptier: "Department of Veterans Affairs", subtier: "Department of Veterans Affairs", agencyCode: "3600",
    emailDomain: "va.gov", address: p("Murfreesboro", "TN", "Tennessee", "37129"), utcOffset: -6,
    places: [p("Nashville", "TN", "Tennessee", "37212", "1310 24th Ave S"), p("Murfreesboro", "TN", "Tennessee", "37129", "3400 Lebanon Pike"), p("Memphis", "TN", "Tennessee", "38104", "1030 Jefferson Ave"), p("Lexington", "KY", "Kentucky", "40502", "1101 Veterans Dr"), p("Louisville", "KY", "Kentucky", "40206", "800 Zorn Ave"), p("Huntington", "WV", "West Virginia", "25704", "1540 Spring Valley Dr")],
    families: ["construction", "facilities", "medical"], setAsides: ["SDVOSBC", "VSA", "SBA"], weight: 6,
  },
  {
    path: "VETERANS AFFAIRS, DEPARTMENT OF.VETERANS AFFAIRS, DEPARTMENT OF.244-NETWORK CONTRACT OFFICE 4 (36C244)",
    code: "036.3600.36C244", office: "36C244", letters: ["Q", "R"], toptier: "Department of Veterans Affairs", subtier: "Department of Veterans Affairs", agencyCode: "3600",
    emailDomain: "va.gov", address: p("Pittsburgh", "PA", "Pennsylvania", "15215"), utcOffset: -5,
    places: [p("Pittsburgh", "PA", "Pennsylvania", "15240", "University Drive C"), p("Philadelphia", "PA", "Pennsylvania", "19104", "3900 Woodland Ave"), p("Lebanon", "PA", "Pennsylvania", "17042", "1700 S Lincoln Ave"), p("Erie", "PA", "Pennsylvania", "16504", "135 E 38th St"), p("Wilmington", "DE", "Delaware", "19805", "1601 Kirkwood Hwy")],
    families: ["construction", "facilities", "medical"], setAsides: ["SDVOSBC", "VSA", "SBA"], weight: 5,
  },
  {
    path: "DEPT OF DEFENSE.DEPT OF THE ARMY.USACE.LRD.W072 ENDIST LOUISVILLE", code: "097.2100.W912QR", office: "W912QR", letters: ["R", "B", "Q"],
    toptier: "Department of Defense", subtier: "Department of the Army", agencyCode: "2100", emailDomain: "usace.army.mil", address: p("Louisville", "KY", "Kentucky", "40202"), utcOffset: -5,
    places: [p("Fort Knox", "KY", "Kentucky", "40121"), p("Wright-Patterson AFB", "OH", "Ohio", "45433"), p("Camp Atterbury", "IN", "Indiana", "46124"), p("Fort Campbell", "KY", "Kentucky", "42223"), p("Columbus", "OH", "Ohio", "43218"), p("Selfridge ANGB", "MI", "Michigan", "48045")],
    families: ["construction", "engineering"], setAsides: ["SBA", "8A", "HZC", "SDVOSBC", "WOSB"], weight: 7,
  },
  {
    path: "DEPT OF DEFENSE.DEPT OF THE ARMY.USACE.LRD.W072 ENDIST PITTSBURGH", code: "097.2100.W911WN", office: "W911WN", letters: ["R", "B"],
    toptier: "Department of Defense", subtier: "Department of the Army", agencyCode: "2100", emailDomain: "usace.army.mil", address: p("Pittsburgh", "PA", "Pennsylvania", "15222"), utcOffset: -5,
    places: [p("Pittsburgh", "PA", "Pennsylvania", "15222"), p("Kittanning", "PA", "Pennsylvania", "16201"), p("Warren", "PA", "Pennsylvania", "16365"), p("Youngstown", "OH", "Ohio", "44503")],
    families: ["construction", "engineering"], setAsides: ["SBA", "8A", "HZC"], weight: 4,
  },
  {
    path: "DEPT OF DEFENSE.DEPT OF THE ARMY.USACE.SWD.W076 ENDIST FORT WORTH", code: "097.2100.W9126G", office: "W9126G", letters: ["R", "B"],
    toptier: "Department of Defense", subtier: "Department of the Army", agencyCode: "2100", emailDomain: "usace.army.mil", address: p("Fort Worth", "TX", "Texas", "76102"), utcOffset: -6,
    places: [p("Fort Hood", "TX", "Texas", "76544"), p("Fort Bliss", "TX", "Texas", "79916"), p("San Antonio", "TX", "Texas", "78234"), p("Dallas", "TX", "Texas", "75201")],
    families: ["construction", "engineering"], setAsides: ["SBA", "8A", "HZC", "SDVOSBC"], weight: 4,
  },
  {
    path: "DEPT OF DEFENSE.DEPT OF THE NAVY.NAVFAC.NAVFAC ATLANTIC.NAVFAC MID-ATLANTIC", code: "097.1700.N40085", office: "N40085", letters: ["R", "Q"],
    toptier: "Department of Defense", subtier: "Department of the Navy", agencyCode: "1700", emailDomain: "us.navy.mil", address: p("Norfolk", "VA", "Virginia", "23511"), utcOffset: -5,
    places: [p("Norfolk", "VA", "Virginia", "23511"), p("Mechanicsburg", "PA", "Pennsylvania", "17050"), p("Philadelphia", "PA", "Pennsylvania", "19112"), p("Great Lakes", "IL", "Illinois", "60088"), p("Crane", "IN", "Indiana", "47522")],
    families: ["construction", "facilities", "engineering"], setAsides: ["SBA", "8A", "HZC", "SDVOSBC"], weight: 5,
  },
  {
    path: "DEPT OF DEFENSE.DEPT OF THE NAVY.NAVFAC.NAVFAC PACIFIC.NAVFAC SOUTHWEST", code: "097.1700.N62473", office: "N62473", letters: ["R"],
    toptier: "Department of Defense", subtier: "Department of the Navy", agencyCode: "1700", emailDomain: "us.navy.mil", address: p("San Diego", "CA", "California", "92132"), utcOffset: -8,
    places: [p("San Diego", "CA", "California", "92135"), p("Camp Pendleton", "CA", "California", "92055"), p("Fallon", "NV", "Nevada", "89496"), p("Yuma", "AZ", "Arizona", "85369")],
    families: ["construction", "facilities"], setAsides: ["SBA", "8A", "HZC"], weight: 3,
  },
  {
    path: "DEPT OF DEFENSE.DEPT OF THE AIR FORCE.AIR FORCE MATERIEL COMMAND.FA8601 AFLCMC PZIO", code: "057.5700.FA8601", office: "FA8601", letters: ["Q", "R"],
    toptier: "Department of Defense", subtier: "Department of the Air Force", agencyCode: "5700", emailDomain: "us.af.mil", address: p("Wright-Patterson AFB", "OH", "Ohio", "45433"), utcOffset: -5,
    places: [p("Wright-Patterson AFB", "OH", "Ohio", "45433"), p("Dayton", "OH", "Ohio", "45433")],
    families: ["construction", "facilities", "it", "professional", "engineering"], setAsides: ["SBA", "8A", "WOSB", "HZC"], weight: 5,
  },
  {
    path: "DEPT OF DEFENSE.DEPT OF THE AIR FORCE.AIR EDUCATION AND TRAINING COMMAND.FA3016 502 CONS CL", code: "057.5700.FA3016", office: "FA3016", letters: ["Q", "R"],
    toptier: "Department of Defense", subtier: "Department of the Air Force", agencyCode: "5700", emailDomain: "us.af.mil", address: p("San Antonio", "TX", "Texas", "78236"), utcOffset: -6,
    places: [p("JBSA Lackland", "TX", "Texas", "78236"), p("JBSA Randolph", "TX", "Texas", "78150"), p("JBSA Fort Sam Houston", "TX", "Texas", "78234")],
    families: ["facilities", "medical", "it"], setAsides: ["SBA", "8A", "WOSB"], weight: 3,
  },
  {
    path: "DEPT OF DEFENSE.DEFENSE LOGISTICS AGENCY.DLA LAND AND MARITIME.DLA LAND AND MARITIME - COLUMBUS", code: "097.97AS.SPE7M1", office: "SPE7M1", letters: ["T", "Q"],
    toptier: "Department of Defense", subtier: "Defense Logistics Agency", agencyCode: "97AS", emailDomain: "dla.mil", address: p("Columbus", "OH", "Ohio", "43213"), utcOffset: -5,
    places: [p("Columbus", "OH", "Ohio", "43213"), p("New Cumberland", "PA", "Pennsylvania", "17070"), p("Tracy", "CA", "California", "95304")],
    families: ["manufacturing"], setAsides: ["SBA", "SBA", "HZC"], weight: 5,
  },
  {
    path: "GENERAL SERVICES ADMINISTRATION.PUBLIC BUILDINGS SERVICE.PBS R5 ACQUISITION MANAGEMENT DIVISION", code: "047.4740.47PF00", office: "47PF00", letters: ["R", "Q"],
    toptier: "General Services Administration", subtier: "Public Buildings Service", agencyCode: "4740", emailDomain: "gsa.gov", address: p("Chicago", "IL", "Illinois", "60604"), utcOffset: -6,
    places: [p("Chicago", "IL", "Illinois", "60604", "230 S Dearborn St"), p("Cleveland", "OH", "Ohio", "44199", "1240 E 9th St"), p("Columbus", "OH", "Ohio", "43215", "85 Marconi Blvd"), p("Detroit", "MI", "Michigan", "48226", "477 Michigan Ave"), p("Indianapolis", "IN", "Indiana", "46204", "575 N Pennsylvania St"), p("Minneapolis", "MN", "Minnesota", "55401")],
    families: ["construction", "facilities", "engineering"], setAsides: ["SBA", "8A", "HZC", "WOSB", "EDWOSB"], weight: 6,
  },
  {
    path: "GENERAL SERVICES ADMINISTRATION.PUBLIC BUILDINGS SERVICE.PBS R3 ACQUISITION DIVISION", code: "047.4740.47PC00", office: "47PC00", letters: ["R", "Q"],
    toptier: "General Services Administration", subtier: "Public Buildings Service", agencyCode: "4740", emailDomain: "gsa.gov", address: p("Philadelphia", "PA", "Pennsylvania", "19107"), utcOffset: -5,
    places: [p("Philadelphia", "PA", "Pennsylvania", "19106", "600 Arch St"), p("Pittsburgh", "PA", "Pennsylvania", "15222", "1000 Liberty Ave"), p("Baltimore", "MD", "Maryland", "21201"), p("Wilmington", "DE", "Delaware", "19801")],
    families: ["construction", "facilities"], setAsides: ["SBA", "8A", "HZC"], weight: 4,
  },
  {
    path: "GENERAL SERVICES ADMINISTRATION.FEDERAL ACQUISITION SERVICE.GSA/FAS ITC ACQUISITION OPERATIONS", code: "047.4732.47QTCA", office: "47QTCA", letters: ["R", "Q"],
    toptier: "General Services Administration", subtier: "Federal Acquisition Service", agencyCode: "4732", emailDomain: "gsa.gov", address: p("Washington", "DC", "District of Columbia", "20405"), utcOffset: -5,
    places: [p("Washington", "DC", "District of Columbia", "20405"), p("Kansas City", "MO", "Missouri", "64131")],
    families: ["it", "professional"], setAsides: ["SBA", "8A", "WOSB", "EDWOSB"], weight: 4,
  },
  {
    path: "HOMELAND SECURITY, DEPARTMENT OF.US CUSTOMS AND BORDER PROTECTION.BORDER ENFORCEMENT CONTRACTING DIVISION", code: "070.7014.70B01C", office: "70B01C", letters: ["Q", "R"],
    toptier: "Department of Homeland Security", subtier: "U.S. Customs and Border Protection", agencyCode: "7014", emailDomain: "cbp.dhs.gov", address: p("Washington", "DC", "District of Columbia", "20229"), utcOffset: -5,
    places: [p("El Paso", "TX", "Texas", "79901"), p("Laredo", "TX", "Texas", "78040"), p("Detroit", "MI", "Michigan", "48226"), p("Tucson", "AZ", "Arizona", "85701"), p("San Diego", "CA", "California", "92101")],
    families: ["construction", "facilities", "it"], setAsides: ["SBA", "8A", "SDVOSBC"], weight: 4,
  },
  {
    path: "HOMELAND SECURITY, DEPARTMENT OF.FEDERAL EMERGENCY MANAGEMENT AGENCY.ACQUISITION DIVISION", code: "070.7022.70FA20", office: "70FA20", letters: ["Q", "R"],
    toptier: "Department of Homeland Security", subtier: "Federal Emergency Management Agency", agencyCode: "7022", emailDomain: "fema.dhs.gov", address: p("Washington", "DC", "District of Columbia", "20472"), utcOffset: -5,
    places: [p("Frankfort", "KY", "Kentucky", "40601"), p("Nashville", "TN", "Tennessee", "37219"), p("Baton Rouge", "LA", "Louisiana", "70802"), p("Tallahassee", "FL", "Florida", "32301"), p("Asheville", "NC", "North Carolina", "28801")],
    families: ["construction", "facilities", "professional"], setAsides: ["LAS", "LAS", "SBA"], weight: 3,
  },
  {
    path: "AGRICULTURE, DEPARTMENT OF.FOREST SERVICE.USDA-FS, CSA EAST 7", code: "012.12C2.1240LU", office: "1240LU", letters: ["Q", "R"],
    toptier: "Department of Agriculture", subtier: "Forest Service", agencyCode: "12C2", emailDomain: "usda.gov", address: p("Milwaukee", "WI", "Wisconsin", "53202"), utcOffset: -6,
    places: [p("Nelsonville", "OH", "Ohio", "45764"), p("Bedford", "IN", "Indiana", "47421"), p("Winchester", "KY", "Kentucky", "40391"), p("Warren", "PA", "Pennsylvania", "16365"), p("Cadillac", "MI", "Michigan", "49601")],
    families: ["construction", "facilities"], setAsides: ["SBA", "HZC", "WOSB"], weight: 3,
  },
  {
    path: "AGRICULTURE, DEPARTMENT OF.AGRICULTURAL RESEARCH SERVICE.USDA ARS MWA AAO ACQ/PER PROP", code: "012.1205.12505B", office: "12505B", letters: ["Q"],
    toptier: "Department of Agriculture", subtier: "Agricultural Research Service", agencyCode: "1205", emailDomain: "usda.gov", address: p("Peoria", "IL", "Illinois", "61604"), utcOffset: -6,
    places: [p("Peoria", "IL", "Illinois", "61604"), p("Wooster", "OH", "Ohio", "44691"), p("West Lafayette", "IN", "Indiana", "47907"), p("Ames", "IA", "Iowa", "50011")],
    families: ["construction", "manufacturing", "professional"], setAsides: ["SBA", "WOSB"], weight: 2,
  },
  {
    path: "INTERIOR, DEPARTMENT OF THE.NATIONAL PARK SERVICE.MWR MIDWEST REGION(60000)", code: "014.1443.140P60", office: "140P60", letters: ["Q", "R"],
    toptier: "Department of the Interior", subtier: "National Park Service", agencyCode: "1443", emailDomain: "nps.gov", address: p("Omaha", "NE", "Nebraska", "68102"), utcOffset: -6,
    places: [p("Brecksville", "OH", "Ohio", "44141"), p("Porter", "IN", "Indiana", "46304"), p("Mammoth Cave", "KY", "Kentucky", "42259"), p("Munising", "MI", "Michigan", "49862"), p("Gatlinburg", "TN", "Tennessee", "37738")],
    families: ["construction", "facilities", "engineering"], setAsides: ["SBA", "HZC", "8A"], weight: 3,
  },
  {
    path: "INTERIOR, DEPARTMENT OF THE.BUREAU OF INDIAN AFFAIRS.CENTRAL OFFICE ACQUISITIONS", code: "014.1450.140A21", office: "140A21", letters: ["Q", "R"],
    toptier: "Department of the Interior", subtier: "Bureau of Indian Affairs", agencyCode: "1450", emailDomain: "bia.gov", address: p("Albuquerque", "NM", "New Mexico", "87104"), utcOffset: -7,
    places: [p("Gallup", "NM", "New Mexico", "87301"), p("Window Rock", "AZ", "Arizona", "86515"), p("Pine Ridge", "SD", "South Dakota", "57770"), p("Anadarko", "OK", "Oklahoma", "73005")],
    families: ["construction", "facilities", "professional"], setAsides: ["IEE", "ISBEE", "SBA"], weight: 2,
  },
  {
    path: "HEALTH AND HUMAN SERVICES, DEPARTMENT OF.INDIAN HEALTH SERVICE.OKLAHOMA CITY AREA INDIAN HEALTH SVC", code: "075.7527.75H706", office: "75H706", letters: ["Q", "R"],
    toptier: "Department of Health and Human Services", subtier: "Indian Health Service", agencyCode: "7527", emailDomain: "ihs.gov", address: p("Oklahoma City", "OK", "Oklahoma", "73114"), utcOffset: -6,
    places: [p("Lawton", "OK", "Oklahoma", "73507"), p("Claremore", "OK", "Oklahoma", "74017"), p("Clinton", "OK", "Oklahoma", "73601"), p("Wichita", "KS", "Kansas", "67214")],
    families: ["medical", "construction", "facilities"], setAsides: ["BICiv", "ISBEE", "IEE", "SBA"], weight: 3,
  },
  {
    path: "HEALTH AND HUMAN SERVICES, DEPARTMENT OF.CENTERS FOR DISEASE CONTROL AND PREVENTION.CDC OFFICE OF ACQUISITION SERVICES", code: "075.7523.75D301", office: "75D301", letters: ["Q", "R"],
    toptier: "Department of Health and Human Services", subtier: "Centers for Disease Control and Prevention", agencyCode: "7523", emailDomain: "cdc.gov", address: p("Atlanta", "GA", "Georgia", "30341"), utcOffset: -5,
    places: [p("Atlanta", "GA", "Georgia", "30329"), p("Cincinnati", "OH", "Ohio", "45226"), p("Morgantown", "WV", "West Virginia", "26505"), p("Pittsburgh", "PA", "Pennsylvania", "15236")],
    families: ["it", "professional", "medical", "facilities"], setAsides: ["SBA", "8A", "WOSB", "EDWOSB"], weight: 4,
  },
  {
    path: "JUSTICE, DEPARTMENT OF.FEDERAL PRISON SYSTEM / BUREAU OF PRISONS.FCI MANCHESTER", code: "015.1540.15B209", office: "15B209", letters: ["Q"],
    toptier: "Department of Justice", subtier: "Federal Prison System / Bureau of Prisons", agencyCode: "1540", emailDomain: "bop.gov", address: p("Manchester", "KY", "Kentucky", "40962"), utcOffset: -5,
    places: [p("Manchester", "KY", "Kentucky", "40962"), p("Ashland", "KY", "Kentucky", "41105"), p("Elkton", "OH", "Ohio", "44415"), p("Terre Haute", "IN", "Indiana", "47802"), p("Milan", "MI", "Michigan", "48160")],
    families: ["medical", "facilities", "construction"], setAsides: ["SBA"], weight: 3,
  },
  {
    path: "NATIONAL AERONAUTICS AND SPACE ADMINISTRATION.NASA.NASA GLENN RESEARCH CENTER", code: "080.8000.80GRC0", office: "80GRC0", letters: ["R", "Q"],
    toptier: "National Aeronautics and Space Administration", subtier: "National Aeronautics and Space Administration", agencyCode: "8000", emailDomain: "nasa.gov", address: p("Cleveland", "OH", "Ohio", "44135"), utcOffset: -5,
    places: [p("Cleveland", "OH", "Ohio", "44135", "21000 Brookpark Rd"), p("Sandusky", "OH", "Ohio", "44870", "6100 Columbus Ave")],
    families: ["engineering", "it", "manufacturing", "construction"], setAsides: ["SBA", "8A", "WOSB"], weight: 3,
  },
  {
    path: "TRANSPORTATION, DEPARTMENT OF.FEDERAL AVIATION ADMINISTRATION.6973GH FRANCHISE ACQUISITION SVCS", code: "069.6920.6973GH", office: "6973GH", letters: ["R", "Q"],
    toptier: "Department of Transportation", subtier: "Federal Aviation Administration", agencyCode: "6920", emailDomain: "faa.gov", address: p("Oklahoma City", "OK", "Oklahoma", "73169"), utcOffset: -6,
    places: [p("Oklahoma City", "OK", "Oklahoma", "73169"), p("Atlantic City", "NJ", "New Jersey", "08405"), p("Oberlin", "OH", "Ohio", "44074"), p("Indianapolis", "IN", "Indiana", "46241")],
    families: ["it", "engineering", "professional", "construction"], setAsides: ["SBA", "8A", "SDVOSBC"], weight: 3,
  },
];

export const NAICS: Record<Family, NaicsEntry[]> = {
  construction: [
    { code: "236220", description: "Commercial and Institutional Building Construction", psc: [{ code: "Z2DA", description: "REPAIR OR ALTERATION OF HOSPITALS AND INFIRMARIES" }, { code: "Z2AA", description: "REPAIR OR ALTERATION OF OFFICE BUILDINGS" }, { code: "Y1AA", description: "CONSTRUCTION OF OFFICE BUILDINGS" }],
      titles: ["Renovate Inpatient Ward {bldg}", "Construct Vehicle Maintenance Facility", "Replace Roof, Building {bldg}", "Interior Renovation, Building {bldg}", "Repair Exterior Masonry and Windows, Building {bldg}", "Design-Build Addition to Building {bldg}"],
      scope: ["Work includes demolition, roof replacement, new interior partitions, finishes, doors and hardware.", "The contractor shall furnish all labor, materials and equipment to replace the existing built-up roof with a fully adhered EPDM roof system, including insulation, flashing and gutters.", "Scope includes selective demolition, masonry repointing, window replacement and abatement of asbestos-containing materials."], value: [250_000, 9_000_000] },
    { code: "237310", description: "Highway, Street, and Bridge Construction", psc: [{ code: "Z2LB", description: "REPAIR OR ALTERATION OF HIGHWAYS/ROADS/STREETS/BRIDGES/RAILWAYS" }],
      titles: ["Parking Lot Repaving and Striping", "Repair Access Road and Culverts", "Bridge Deck Rehabilitation", "Resurface Main Entrance Road"], scope: ["Work consists of milling, asphalt paving, concrete curb repair, pavement markings and ADA-compliant ramps.", "The project includes bridge deck patching, joint replacement and guardrail upgrades."], value: [150_000, 6_000_000] },
    { code: "237110", description: "Water and Sewer Line and Related Structures Construction", psc: [{ code: "Z2ND", description: "REPAIR OR ALTERATION OF WATER SUPPLY FACILITIES" }],
      titles: ["Replace Water Distribution Lines", "Sanitary Sewer Rehabilitation", "Install Backflow Preventers"], scope: ["The work includes excavation, replacement of ductile iron water mains, valves and hydrants, and restoration of surfaces.", "Rehabilitate sanitary sewer lines by cured-in-place pipe lining and manhole repair."], value: [200_000, 4_000_000] },
    { code: "238220", description: "Plumbing, Heating, and Air-Conditioning Contractors", psc: [{ code: "Z2DA", description: "REPAIR OR ALTERATION OF HOSPITALS AND INFIRMARIES" }, { code: "J041", description: "MAINT/REPAIR/REBUILD OF EQUIPMENT- REFRIGERATION, AIR CONDITIONING, AND AIR CIRCULATING EQUIPMENT" }],
      titles: ["HVAC Chiller Replacement, Building {bldg}", "Replace Air Handling Units", "Boiler Plant Upgrades", "Domestic Hot Water System Replacement", "HVAC Preventive Maintenance Services"], scope: ["Replace two 300-ton centrifugal chillers, cooling towers, pumps and controls, and tie into the existing building automation system.", "Work includes HVAC ductwork, air handling units, variable air volume boxes, test and balance, and commissioning.", "Replace plumbing fixtures, domestic hot water heaters and piping; provide medical gas certification where affected."], value: [100_000, 7_500_000] },
    { code: "238160", description: "Roofing Contractors", psc: [{ code: "Z2AA", description: "REPAIR OR ALTERATION OF OFFICE BUILDINGS" }],
      titles: ["Roof Replacement, Building {bldg}", "Roof Repairs at Multiple Buildings", "Replace Metal Roof, Maintenance Shop"], scope: ["Remove existing roofing to the deck, replace damaged decking, install tapered insulation and a new TPO roof membrane with a 20-year warranty.", "Roof repairs include flashing, coping, drains and skylight replacement on several buildings."], value: [75_000, 2_500_000] },
    { code: "238210", description: "Electrical Contractors and Other Wiring Installation Contractors", psc: [{ code: "Z2DA", description: "REPAIR OR ALTERATION OF HOSPITALS AND INFIRMARIES" }, { code: "Z2PZ", description: "REPAIR OR ALTERATION OF OTHER UTILITIES" }],
      titles: ["Electrical Switchgear Upgrade", "Replace Emergency Generators", "Fire Alarm System Replacement, Building {bldg}", "LED Lighting Retrofit"], scope: ["Replace medium-voltage switchgear, automatic transfer switches and the emergency generator, with phased outages coordinated with the facility.", "Install a new addressable fire alarm system with voice evacuation and connect to the base-wide monitoring system."], value: [100_000, 5_000_000] },
  ],
  facilities: [
    { code: "561720", description: "Janitorial Services", psc: [{ code: "S201", description: "HOUSEKEEPING- CUSTODIAL JANITORIAL" }],
      titles: ["Janitorial Services", "Custodial Services, Federal Building", "Floor Care and Window Cleaning Services", "Environmental Services Support"], scope: ["The contractor shall provide all personnel, supervision, equipment and supplies to perform janitorial services, including restroom sanitation, trash removal, floor care and window cleaning.", "Custodial services cover approximately 180,000 square feet of office and clinical space, five days a week, with periodic carpet extraction and floor stripping."], value: [150_000, 3_000_000] },
    { code: "561730", description: "Landscaping Services", psc: [{ code: "S208", description: "HOUSEKEEPING- LANDSCAPING/GROUNDSKEEPING" }],
      titles: ["Grounds Maintenance Services", "Snow Removal and Grounds Maintenance", "Landscaping and Mowing Services"], scope: ["Services include mowing, trimming, leaf removal, mulching, and snow and ice removal from roads, parking lots and sidewalks.", "Grounds maintenance of approximately 120 acres, including turf care, tree pruning and irrigation repairs."], value: [60_000, 1_200_000] },
    { code: "561210", description: "Facilities Support Services", psc: [{ code: "M1AA", description: "OPERATION OF OFFICE BUILDINGS" }, { code: "S216", description: "HOUSEKEEPING- FACILITIES OPERATIONS SUPPORT" }],
      titles: ["Base Operations Support Services", "Facility Operations and Maintenance", "Building Operations and Maintenance Services"], scope: ["Operate and maintain building systems including HVAC, plumbing, electrical and elevators, with a computerized maintenance management system and service call response.", "Facility support includes preventive maintenance, minor repairs, custodial oversight and pest control."], value: [500_000, 15_000_000] },
    { code: "561612", description: "Security Guards and Patrol Services", psc: [{ code: "S206", description: "HOUSEKEEPING- GUARD" }],
      titles: ["Armed Protective Security Officer Services", "Unarmed Security Guard Services"], scope: ["Provide armed protective security officers for access control, screening and roving patrols at the facility, 24 hours a day.", "Guard services include visitor screening, alarm response and daily activity reports."], value: [300_000, 8_000_000] },
  ],
  it: [
    { code: "541512", description: "Computer Systems Design Services", psc: [{ code: "DA01", description: "IT AND TELECOM - BUSINESS APPLICATION/APPLICATION DEVELOPMENT SUPPORT SERVICES (LABOR)" }],
      titles: ["Enterprise Application Modernization", "Cloud Migration Support Services", "Network Infrastructure Upgrade"], scope: ["The contractor shall modernize legacy applications, migrate workloads to a FedRAMP-authorized cloud and provide agile development teams.", "Services include network design, cabling, switch and wireless upgrades, and configuration management."], value: [400_000, 20_000_000] },
    { code: "541511", description: "Custom Computer Programming Services", psc: [{ code: "DA01", description: "IT AND TELECOM - BUSINESS APPLICATION/APPLICATION DEVELOPMENT SUPPORT SERVICES (LABOR)" }],
      titles: ["Software Development and Sustainment", "Case Management System Enhancements"], scope: ["Develop and sustain web applications using modern frameworks, automated testing and continuous delivery, meeting Section 508 accessibility."], value: [300_000, 12_000_000] },
    { code: "541519", description: "Other Computer Related Services", psc: [{ code: "DH01", description: "IT AND TELECOM - PLATFORM SUPPORT SERVICES: DATABASE, MAINFRAME, MIDDLEWARE (LABOR)" }, { code: "7E20", description: "IT AND TELECOM - END USER: HELP DESK; TIER 1-2, WORKSPACE, PRINT, PRODUCTIVITY TOOLS (HW/PERP SW)" }],
      titles: ["IT Help Desk and End User Support", "Cybersecurity Assessment Services", "Software Licenses and Maintenance Renewal"], scope: ["Provide Tier 1 and Tier 2 help desk support, desktop imaging, and asset management for approximately 2,500 users.", "Perform security control assessments, vulnerability scanning and continuous monitoring under the Risk Management Framework."], value: [100_000, 6_000_000] },
  ],
  engineering: [
    { code: "541330", description: "Engineering Services", psc: [{ code: "C211", description: "ARCHITECT AND ENGINEERING- GENERAL: LANDSCAPING, INTERIOR LAYOUT, AND DESIGNING" }, { code: "C219", description: "ARCHITECT AND ENGINEERING- GENERAL: OTHER" }],
      titles: ["Architect-Engineer Services, Indefinite Delivery Contract", "Design of HVAC Replacement, Building {bldg}", "Structural Assessment of Facilities", "Environmental Engineering Services"], scope: ["Provide architect-engineer design services, including site investigations, design analysis, drawings, specifications and cost estimates under the Brooks Act (FAR 36.6).", "Engineering services include condition assessments, structural analysis and preparation of construction documents."], value: [200_000, 10_000_000] },
    { code: "541370", description: "Surveying and Mapping (except Geophysical) Services", psc: [{ code: "C219", description: "ARCHITECT AND ENGINEERING- GENERAL: OTHER" }],
      titles: ["Land Surveying and Mapping Services", "Topographic and Boundary Surveys"], scope: ["Perform boundary, topographic and utility surveys with deliverables in the agency's CAD and GIS standards."], value: [50_000, 2_000_000] },
  ],
  professional: [
    { code: "541611", description: "Administrative Management and General Management Consulting Services", psc: [{ code: "R408", description: "SUPPORT- PROFESSIONAL: PROGRAM MANAGEMENT/SUPPORT" }],
      titles: ["Program Management Support Services", "Acquisition Support Services", "Organizational Assessment and Change Management"], scope: ["Provide program management, acquisition planning, financial analysis and reporting support to the program office.", "Support includes business process analysis, strategic planning workshops and change management."], value: [250_000, 9_000_000] },
    { code: "541690", description: "Other Scientific and Technical Consulting Services", psc: [{ code: "R425", description: "SUPPORT- PROFESSIONAL: ENGINEERING/TECHNICAL" }],
      titles: ["Technical Advisory Services", "Emergency Management Planning Support"], scope: ["Provide technical consulting for hazard mitigation planning, exercise design and after-action reporting."], value: [100_000, 5_000_000] },
    { code: "541618", description: "Other Management Consulting Services", psc: [{ code: "R499", description: "SUPPORT- PROFESSIONAL: OTHER" }],
      titles: ["Records Management Support", "Training Development and Delivery"], scope: ["Develop and deliver training curricula, instructor guides and e-learning modules."], value: [80_000, 3_000_000] },
  ],
  manufacturing: [
    { code: "332710", description: "Machine Shops", psc: [{ code: "3040", description: "MISCELLANEOUS POWER TRANSMISSION EQUIPMENT" }, { code: "5340", description: "HARDWARE, COMMERCIAL" }],
      titles: ["Machined Shaft, NSN 3040-01-{nsn}", "Bracket, Mounting, NSN 5340-01-{nsn}", "Precision Machined Components"], scope: ["Manufacture machined parts in accordance with the technical data package, with first article testing and certificate of conformance."], value: [20_000, 1_500_000] },
    { code: "332311", description: "Prefabricated Metal Building and Component Manufacturing", psc: [{ code: "5410", description: "PREFABRICATED AND PORTABLE BUILDINGS" }],
      titles: ["Prefabricated Metal Storage Building", "Portable Guard Shelters"], scope: ["Furnish and deliver prefabricated metal buildings, including foundations design, erection drawings and installation."], value: [50_000, 2_000_000] },
    { code: "334511", description: "Search, Detection, Navigation, Guidance, Aeronautical, and Nautical System and Instrument Manufacturing", psc: [{ code: "5895", description: "MISCELLANEOUS COMMUNICATION EQUIPMENT" }],
      titles: ["Circuit Card Assembly, NSN 5895-01-{nsn}", "Navigation Instrument Repair Parts"], scope: ["Supply circuit card assemblies built to drawing, with ESD protection and MIL-STD-130 marking."], value: [40_000, 3_000_000] },
    { code: "336413", description: "Other Aircraft Parts and Auxiliary Equipment Manufacturing", psc: [{ code: "1560", description: "AIRFRAME STRUCTURAL COMPONENTS" }],
      titles: ["Airframe Structural Component, NSN 1560-01-{nsn}", "Aircraft Panel Assemblies"], scope: ["Manufacture airframe structural components to the approved source list and technical data, with AS9100 quality."], value: [60_000, 4_000_000] },
  ],
  medical: [
    { code: "621111", description: "Offices of Physicians (except Mental Health Specialists)", psc: [{ code: "Q201", description: "MEDICAL- GENERAL HEALTH CARE" }, { code: "Q522", description: "MEDICAL- RADIOLOGY" }],
      titles: ["Community Based Outpatient Clinic Primary Care Services", "Teleradiology Services", "Physician Staffing Services, Emergency Department"], scope: ["Provide board-certified physicians to staff primary care clinics, including credentialing, scheduling and quality reporting.", "Teleradiology interpretation of imaging studies 24 hours a day with preliminary reads within one hour."], value: [300_000, 12_000_000] },
    { code: "339112", description: "Surgical and Medical Instrument Manufacturing", psc: [{ code: "6515", description: "MEDICAL AND SURGICAL INSTRUMENTS, EQUIPMENT, AND SUPPLIES" }],
      titles: ["Surgical Instruments, Brand Name or Equal", "Patient Monitoring Equipment"], scope: ["Furnish surgical instruments and supplies, brand name or equal, delivered to the medical center's warehouse."], value: [25_000, 1_500_000] },
    { code: "339113", description: "Surgical Appliance and Supplies Manufacturing", psc: [{ code: "6515", description: "MEDICAL AND SURGICAL INSTRUMENTS, EQUIPMENT, AND SUPPLIES" }, { code: "6532", description: "HOSPITAL AND SURGICAL CLOTHING AND RELATED SPECIAL PURPOSE ITEMS" }],
      titles: ["Orthotic and Prosthetic Supplies", "Personal Protective Equipment", "Wheelchairs and Mobility Aids"], scope: ["Supply orthotic and prosthetic devices and components under a blanket purchase agreement with two-day delivery."], value: [30_000, 2_000_000] },
  ],
};

/** How often each family appears in the feed, percent. */
export const FAMILY_WEIGHTS: [Family, number][] = [
  ["construction", 30], ["facilities", 18], ["it", 13], ["engineering", 9], ["professional", 10], ["manufacturing", 10], ["medical", 10],
];

/** Notice types weighted like the live feed: solicitations, combined synopses, presolicitations and sources sought most. */
export const TYPE_WEIGHTS: [string, number][] = [
  ["Solicitation", 27], ["Combined Synopsis/Solicitation", 22], ["Presolicitation", 15], ["Sources Sought", 15], ["Special Notice", 5], ["Award Notice", 9],
  ["Justification", 4], ["Sale of Surplus Property", 1.5], ["Intent to Bundle Requirements (DoD-Funded)", 1.5],
];

export const FIRST_NAMES = ["Angela", "Brian", "Carla", "Derek", "Elena", "Frank", "Gloria", "Hector", "Irene", "James", "Karen", "Luis", "Monica", "Nathan", "Olivia", "Patrick", "Rachel", "Samuel", "Tanya", "Victor", "Wendy", "Yusuf"];
export const LAST_NAMES = ["Anderson", "Brooks", "Castillo", "Dawson", "Ellis", "Fischer", "Garcia", "Hughes", "Ingram", "Jensen", "Kowalski", "Lopez", "Mitchell", "Nguyen", "Owens", "Patel", "Quinn", "Reyes", "Sullivan", "Turner", "Vance", "Walsh"];

/** Contractors by family, the recipients of incumbent and similar awards. */
export const CONTRACTORS: Record<Family, string[]> = {
  construction: ["MIAMI VALLEY BUILDERS LLC", "BUCKEYE FEDERAL CONSTRUCTORS INC", "KEYSTONE MECHANICAL GROUP LLC", "BLUEGRASS GENERAL CONTRACTING LLC", "TRI-STATE ROOFING SYSTEMS INC", "RIVERBEND ELECTRIC CO", "VETERAN CONSTRUCTION SERVICES LLC", "GREAT LAKES INFRASTRUCTURE INC", "CUMBERLAND CIVIL WORKS LLC", "SUMMIT HVAC SOLUTIONS INC", "LONE STAR FEDERAL BUILDERS LLC", "PACIFIC COAST CONSTRUCTORS INC"],
  facilities: ["PRISTINE FACILITY SERVICES LLC", "EAGLE JANITORIAL SOLUTIONS INC", "GREENLINE GROUNDS MANAGEMENT LLC", "SENTINEL PROTECTIVE SERVICES INC", "ALLIED BASE OPERATIONS LLC", "HEARTLAND CUSTODIAL CO", "PATRIOT FACILITY SUPPORT LLC"],
  it: ["CIVIC DIGITAL PARTNERS LLC", "IRONCLAD CYBER INC", "FEDSTACK TECHNOLOGIES LLC", "NORTHSTAR IT SERVICES INC", "BLUE RIDGE SOFTWARE GROUP LLC", "MERIDIAN DATA SYSTEMS INC"],
  engineering: ["CORNERSTONE ENGINEERING GROUP PC", "OHIO RIVER ENGINEERS INC", "BENCHMARK SURVEYING LLC", "ATLAS DESIGN ASSOCIATES PC", "KEYSTONE A-E SERVICES LLC"],
  professional: ["CAPITOL ADVISORY GROUP LLC", "PINNACLE MANAGEMENT CONSULTING INC", "STRATEGIC PROGRAM SOLUTIONS LLC", "LIBERTY TRAINING SYSTEMS INC", "HORIZON EMERGENCY PLANNING LLC"],
  manufacturing: ["PRECISION MACHINE WORKS INC", "MIDWEST FABRICATION LLC", "AEROPARTS MANUFACTURING CO", "CIRCUITRY DEFENSE PRODUCTS INC", "STEELSPAN BUILDINGS LLC"],
  medical: ["FRONTLINE PHYSICIAN STAFFING LLC", "CLEARVIEW TELERADIOLOGY INC", "MERIDIAN SURGICAL SUPPLY LLC", "MOBILITY MEDICAL PRODUCTS INC", "VANGUARD HEALTHCARE STAFFING LLC"],
};
