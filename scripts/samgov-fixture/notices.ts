/**
 * Builds the notices of the shipped SAM.gov feed: one cycle of postings in the exact v2
 * search shape, with amendments as later versions of the same noticeId.
 */
import { dayString } from "@/lib/providers/samgov/fixture-clock";
import type { SamNotice } from "@/lib/providers/samgov/types";
import { SET_ASIDES, type SetAsideCode } from "@/lib/govcon/codes";
import { AGENCIES, FAMILY_WEIGHTS, FIRST_NAMES, LAST_NAMES, NAICS, TYPE_WEIGHTS, type Agency, type Family, type NaicsEntry, type Place } from "./catalog";
import { describeNotice } from "./descriptions";
import type { Random } from "./random";

export interface GeneratedNotice {
  agency: Agency;
  family: Family;
  naics: NaicsEntry;
  /** Every version, oldest first: the first as posted, then each amendment. */
  versions: SamNotice[];
  descriptions: string[];
  /** The estimated value the description gives, dollars. */
  value: number;
}

const SOLE_SOURCE = new Set(["8AN", "HZS", "SDVOSBS", "WOSBSS", "EDWOSBSS", "VSS"]);

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** The fiscal year's two digits for a day (October starts the next one). */
function fiscalYear(day: number): string {
  const date = new Date(day * 86_400_000);
  const year = date.getUTCFullYear() + (date.getUTCMonth() >= 9 ? 1 : 0);
  return String(year).slice(2);
}

/** The office's UTC offset on a day: daylight time April to October, as a plain rule. */
function offsetOn(agency: Agency, day: number): number {
  const month = new Date(day * 86_400_000).getUTCMonth();
  return agency.utcOffset + (month >= 3 && month <= 9 ? 1 : 0);
}

/** A local time in one of SAM.gov's formats: with the office's offset mostly, in UTC "+00" or as a date alone sometimes. */
function samDateTime(random: Random, agency: Agency, day: number, hour: number, minute = 0): string {
  const offset = offsetOn(agency, day);
  const style = random.next();
  if (style < 0.72) {
    const sign = offset < 0 ? "-" : "+";
    return `${dayString(day)}T${pad(hour)}:${pad(minute)}:00${sign}${pad(Math.abs(offset))}:00`;
  }
  if (style < 0.9) {
    const utcHour = hour - offset;
    const utcDay = day + Math.floor(utcHour / 24);
    return `${dayString(utcDay)} ${pad(((utcHour % 24) + 24) % 24)}:${pad(minute)}:00+00`;
  }
  return dayString(day);
}

function postedDate(random: Random, day: number): string {
  return random.next() < 0.7 ? dayString(day) : `${dayString(day)} ${pad(random.int(11, 22))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}+00`;
}

/** Days from posting to the response deadline, by notice type; null where SAM.gov often has none. */
function runwayDays(random: Random, type: string): number | null {
  switch (type) {
    case "Solicitation": return random.int(14, 45);
    case "Combined Synopsis/Solicitation": return random.int(7, 24);
    case "Presolicitation": return random.next() < 0.35 ? null : random.int(15, 40);
    case "Sources Sought": return random.next() < 0.15 ? null : random.int(7, 21);
    case "Special Notice": return random.next() < 0.6 ? null : random.int(10, 30);
    case "Sale of Surplus Property": return random.int(14, 30);
    case "Intent to Bundle Requirements (DoD-Funded)": return random.next() < 0.5 ? null : 30;
    default: return null;
  }
}

function pickSetAside(random: Random, agency: Agency, type: string): SetAsideCode | null {
  if (type === "Justification") return random.next() < 0.5 ? random.pick(["8AN", "SDVOSBS", "HZS"] as SetAsideCode[]) : null;
  if (type === "Sale of Surplus Property" || type === "Intent to Bundle Requirements (DoD-Funded)") return null;
  if (random.next() < 0.38) return null;
  if (random.next() < 0.12) return random.pick(["SBP", "8A", "HZC", "WOSB", "EDWOSB", "SBA"] as SetAsideCode[]);
  const code = random.pick(agency.setAsides) as SetAsideCode;
  return SOLE_SOURCE.has(code) && type !== "Presolicitation" ? "SBA" : code;
}

function pointsOfContact(random: Random, agency: Agency): NonNullable<SamNotice["pointOfContact"]> {
  const person = (type: string, title: string) => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    return {
      type, fullName: `${first} ${last}`, title,
      email: `${first.toLowerCase()}.${last.toLowerCase()}@${agency.emailDomain}`,
      phone: `${random.int(200, 989)}-${random.int(200, 989)}-${pad(random.int(0, 9999), 4)}`, fax: null,
    };
  };
  const primary = person("primary", random.pick(["Contract Specialist", "Contracting Officer", "Contract Specialist"]));
  return random.next() < 0.6 ? [primary, person("secondary", "Contracting Officer")] : [primary];
}

function placeOfPerformance(place: Place): SamNotice["placeOfPerformance"] {
  return {
    ...(place.street ? { streetAddress: place.street } : {}),
    city: { code: String(10000 + (place.zip.charCodeAt(2) * 137 + place.city.length * 31) % 89999), name: place.city },
    state: { code: place.state, name: place.stateName },
    zip: place.zip,
    country: { code: "USA", name: "UNITED STATES" },
  };
}

function attachmentLink(random: Random): string {
  return `https://sam.gov/api/prod/opps/v3/opportunities/resources/files/${random.hex(32)}/download?api_key=null&token=`;
}

function titleOf(random: Random, naics: NaicsEntry, pscCode: string, place: Place, agency: Agency): string {
  const stem = random.pick(naics.titles).replace("{bldg}", String(random.int(1, 140))).replace("{nsn}", `${random.int(100, 799)}-${pad(random.int(0, 9999), 4)}`);
  const site = agency.toptier === "Department of Veterans Affairs" ? `${place.city} VAMC` : place.city;
  const withSite = /NSN/.test(stem) ? stem : `${stem}, ${site}`;
  // VA and Army offices lead with the PSC, as they do on SAM.gov ("Z2DA--Replace Roof...").
  return agency.office.startsWith("36C") || (agency.office.startsWith("W") && random.next() < 0.5) ? `${pscCode}--${withSite}` : withSite;
}

export function generateNotice(random: Random, anchorDay: number, cycleDays: number, forcedType?: string): GeneratedNotice {
  const family = random.weighted(FAMILY_WEIGHTS);
  const candidates = AGENCIES.filter((agency) => agency.families.includes(family));
  const agency = random.weighted(candidates.map((a) => [a, a.weight] as [Agency, number]));
  const naics = random.pick(NAICS[family]);
  const psc = random.pick(naics.psc);
  const type = forcedType ?? random.weighted(TYPE_WEIGHTS);
  const place = random.pick(agency.places);
  const noticeId = random.hex(32);
  const postedDay = anchorDay + random.int(0, cycleDays - 1);
  const setAside = pickSetAside(random, agency, type);
  const runway = runwayDays(random, type);
  const deadlineDay = runway === null ? null : postedDay + runway;
  const value = Math.round(random.int(naics.value[0], naics.value[1]) / 1000) * 1000;
  const solicitationNumber = `${agency.office}${fiscalYear(postedDay)}${random.pick(agency.letters)}${pad(random.int(1, 1999), 4)}`;

  const archiveDay = deadlineDay !== null ? deadlineDay + random.pick([15, 15, 30, 60]) : postedDay + random.pick([30, 90, 365]);
  const notice: SamNotice = {
    noticeId,
    title: titleOf(random, naics, psc.code, place, agency),
    solicitationNumber,
    fullParentPathName: agency.path,
    fullParentPathCode: agency.code,
    postedDate: postedDate(random, postedDay),
    type,
    baseType: type,
    archiveType: deadlineDay !== null && random.next() < 0.5 ? "auto15" : "autocustom",
    archiveDate: dayString(archiveDay),
    typeOfSetAsideDescription: setAside ? SET_ASIDES[setAside] : null,
    typeOfSetAside: setAside,
    responseDeadLine: deadlineDay === null ? null : samDateTime(random, agency, deadlineDay, random.pick([10, 11, 12, 14, 15, 16, 17])),
    naicsCode: naics.code,
    naicsCodes: [naics.code],
    classificationCode: psc.code,
    active: "Yes",
    award: null,
    pointOfContact: pointsOfContact(random, agency),
    description: `https://api.sam.gov/prod/opportunities/v1/noticedesc?noticeid=${noticeId}`,
    organizationType: "OFFICE",
    officeAddress: { zipcode: agency.address.zip, city: agency.address.city.toUpperCase(), countryCode: "USA", state: agency.address.state },
    placeOfPerformance: family === "it" && random.next() < 0.3 ? null : placeOfPerformance(place),
    additionalInfoLink: null,
    uiLink: `https://sam.gov/opp/${noticeId}/view`,
    links: [{ rel: "self", href: `https://api.sam.gov/prod/opportunities/v2/search?noticeid=${noticeId}&limit=1` }],
    resourceLinks: null,
  };
  const attachments = type === "Award Notice" || type === "Special Notice" ? random.int(0, 1) : random.int(0, 4);
  if (attachments > 0) notice.resourceLinks = Array.from({ length: attachments }, () => attachmentLink(random));

  if (type === "Award Notice") {
    const awardDay = postedDay - random.int(1, 6);
    notice.award = {
      date: dayString(awardDay),
      number: `${agency.office}${fiscalYear(awardDay)}${random.pick(["C", "D", "P"])}${pad(random.int(1, 999), 4)}`,
      amount: random.next() < 0.6 ? `${value}.00` : value,
      awardee: {
        name: "", // set by the caller from the family's contractors, so the awards feed agrees
        ueiSAM: random.alphanumeric(12),
        location: { city: { name: place.city }, state: { code: place.state, name: place.stateName }, zip: place.zip, country: { code: "USA", name: "UNITED STATES" } },
      },
    };
  }

  const generated: GeneratedNotice = { agency, family, naics, versions: [notice], descriptions: [describeNotice(random, notice, agency, naics, place, value)], value };
  addAmendments(random, generated, postedDay, deadlineDay);
  return generated;
}

/**
 * About a fifth of the open notices are amended once or twice before their deadline: the
 * deadline extended, an amendment attachment added, sometimes a new title, set-aside or type
 * (a presolicitation that becomes a solicitation).
 */
function addAmendments(random: Random, generated: GeneratedNotice, postedDay: number, deadlineDay: number | null): void {
  const base = generated.versions[0];
  const amendable = ["Solicitation", "Combined Synopsis/Solicitation", "Presolicitation", "Sources Sought"].includes(base.type ?? "");
  if (!amendable || random.next() > 0.24) return;
  const count = random.next() < 0.3 ? 2 : 1;
  let previous = base;
  let previousDay = postedDay;
  let deadline = deadlineDay;
  for (let n = 1; n <= count; n++) {
    const day = previousDay + random.int(3, deadline !== null ? Math.max(4, Math.min(14, deadline - previousDay - 1)) : 12);
    const next: SamNotice = structuredClone(previous);
    const notes: string[] = [];
    next.postedDate = postedDate(random, day);
    next.resourceLinks = [...(previous.resourceLinks ?? []), attachmentLink(random)];
    notes.push(`Amendment ${pad(n, 4)} is attached (SF 30).`);
    if (deadline !== null && random.next() < 0.7) {
      deadline += random.int(5, 14);
      next.responseDeadLine = samDateTime(random, generated.agency, deadline, random.pick([10, 14, 16]));
      notes.push(`The response deadline is extended to ${dayString(deadline)}.`);
    }
    if (previous.type === "Presolicitation" && random.next() < 0.5) {
      next.type = "Solicitation";
      next.baseType = "Presolicitation";
      if (deadline === null) {
        deadline = day + random.int(20, 35);
        next.responseDeadLine = samDateTime(random, generated.agency, deadline, 14);
      }
      notes.push("The solicitation is now issued; offers are due by the response deadline.");
    } else if (random.next() < 0.18) {
      const setAside = previous.typeOfSetAside ? null : ("SBA" as SetAsideCode);
      next.typeOfSetAside = setAside;
      next.typeOfSetAsideDescription = setAside ? SET_ASIDES[setAside] : null;
      notes.push(setAside ? "This requirement is now a total small business set-aside." : "The set-aside is removed: the requirement is open to full and open competition.");
    } else if (random.next() < 0.2) {
      next.title = `${previous.title} (Revised)`;
      notes.push("The title and the statement of work are revised.");
    }
    if (deadline !== null) next.archiveDate = dayString(deadline + 15);
    generated.versions.push(next);
    generated.descriptions.push(`${generated.descriptions[n - 1]}\n\nAmendment ${pad(n, 4)} (${dayString(day)}): ${notes.join(" ")}`);
    previous = next;
    previousDay = day;
  }
}

