/**
 * The text behind each notice's noticedesc link, in the voice contracting offices write in:
 * the requirement, its scope, the set-aside and size standard, the magnitude or value, how
 * to respond.
 */
import type { SamNotice } from "@/lib/providers/samgov/types";
import type { Agency, NaicsEntry, Place } from "./catalog";
import type { Random } from "./random";

// FAR 36.204: the magnitude of a construction project is given as one of these ranges.
const MAGNITUDES: [number, string][] = [
  [25_000, "less than $25,000"], [100_000, "between $25,000 and $100,000"], [250_000, "between $100,000 and $250,000"],
  [500_000, "between $250,000 and $500,000"], [1_000_000, "between $500,000 and $1,000,000"], [5_000_000, "between $1,000,000 and $5,000,000"],
  [10_000_000, "between $5,000,000 and $10,000,000"], [Infinity, "more than $10,000,000"],
];

function magnitude(value: number): string {
  return MAGNITUDES.find(([limit]) => value < limit)![1];
}

function dollars(value: number): string {
  return `$${value.toLocaleString("en-US")}`;
}

function officeName(agency: Agency): string {
  const parts = agency.path.split(".");
  return parts[parts.length - 1];
}

function department(agency: Agency): string {
  return agency.toptier === "Department of Defense" ? agency.subtier : agency.toptier;
}

function setAsideSentence(notice: SamNotice): string {
  if (!notice.typeOfSetAside) return "This acquisition is open to full and open competition; small businesses are encouraged to respond.";
  return `This acquisition is set aside: ${notice.typeOfSetAsideDescription}. Offerors must be registered in SAM.gov and certified for this program at the time of offer.`;
}

function valueSentence(naics: NaicsEntry, value: number, isConstruction: boolean): string {
  if (isConstruction) return `In accordance with FAR 36.204, the magnitude of this project is ${magnitude(value)}.`;
  return `The estimated value of the requirement, including options, is approximately ${dollars(value)}, with a base year and up to four option years.`;
}

export function describeNotice(random: Random, notice: SamNotice, agency: Agency, naics: NaicsEntry, place: Place, value: number): string {
  const isConstruction = naics.code.startsWith("23");
  const site = place.street ? `${place.street}, ${place.city}, ${place.state} ${place.zip}` : `${place.city}, ${place.state}`;
  const subject = (notice.title ?? "").replace(/^[A-Z0-9]{4}--/, "");
  const scope = random.pick(naics.scope);
  const sizeStandard = `The NAICS code is ${naics.code} (${naics.description}).`;
  const due = notice.responseDeadLine ? "Responses are due by the response date and time on this notice" : "Responses are accepted until the government's needs are met";
  const contact = notice.pointOfContact?.[0];
  const reply = contact ? `${due}, by email to ${contact.fullName} at ${contact.email}.` : `${due}.`;

  switch (notice.type) {
    case "Sources Sought":
      return [
        `SOURCES SOUGHT NOTICE. This is a sources sought notice for market research only; it is not a request for proposals and no award will be made from it. The ${department(agency)}, ${officeName(agency)}, is seeking capable sources for: ${subject}.`,
        `Anticipated scope: ${scope} Place of performance: ${site}.`,
        `${sizeStandard} Interested firms should submit a capability statement of no more than ten pages describing relevant experience on similar projects in the last five years, their socioeconomic status (small business, 8(a), HUBZone, service-disabled veteran-owned, women-owned), and their SAM.gov Unique Entity ID. The responses will determine whether the requirement is set aside.`,
        reply,
      ].join("\n\n");
    case "Presolicitation":
      return [
        `PRESOLICITATION NOTICE. The ${department(agency)}, ${officeName(agency)}, intends to issue a solicitation for ${subject}. The solicitation will be posted on SAM.gov on or about fifteen days after this notice; no paper copies will be issued.`,
        `Scope: ${scope} Place of performance: ${site}.`,
        `${valueSentence(naics, value, isConstruction)} ${sizeStandard} ${setAsideSentence(notice)}`,
        `Interested parties are responsible for monitoring SAM.gov for the solicitation and its amendments. ${reply}`,
      ].join("\n\n");
    case "Award Notice":
      return [
        `AWARD NOTICE. The ${department(agency)}, ${officeName(agency)}, has awarded contract ${notice.award?.number ?? ""} for ${subject}.`,
        `Scope: ${scope} Place of performance: ${site}.`,
        `${sizeStandard} This notice is for information only.`,
      ].join("\n\n");
    case "Justification":
      return [
        `JUSTIFICATION AND APPROVAL. The ${department(agency)}, ${officeName(agency)}, intends to award on an other-than-full-and-open-competition basis for ${subject}, under FAR 6.302-1 (only one responsible source) or the applicable program authority.`,
        `${scope} The justification document is attached. This notice is not a request for competitive proposals.`,
      ].join("\n\n");
    case "Special Notice":
      return [
        `SPECIAL NOTICE. ${subject}: the ${department(agency)}, ${officeName(agency)}, will hold an industry day and site visit for an upcoming requirement at ${site}.`,
        `${scope} Attendance is not required to submit an offer later. Register by email with the point of contact below.`,
        reply,
      ].join("\n\n");
    case "Sale of Surplus Property":
      return [`SALE OF SURPLUS PROPERTY. ${subject}: surplus equipment and materials located at ${site} are offered for sale by sealed bid, as is, where is.`, reply].join("\n\n");
    case "Intent to Bundle Requirements (DoD-Funded)":
      return [`INTENT TO BUNDLE. In accordance with FAR 7.107-4, the ${department(agency)} intends to consolidate requirements for ${subject}.`, `${scope} Small businesses may comment on the consolidation before the response date.`].join("\n\n");
    default:
      return [
        `${notice.type === "Combined Synopsis/Solicitation" ? "COMBINED SYNOPSIS/SOLICITATION. This is a combined synopsis/solicitation for commercial products and services prepared in accordance with FAR 12.6, as supplemented with additional information included in this notice. This announcement constitutes the only solicitation; quotes are being requested and a written solicitation will not be issued." : "SOLICITATION."} The ${department(agency)}, ${officeName(agency)}, requests ${isConstruction ? "bids" : "proposals"} for ${subject}, solicitation ${notice.solicitationNumber}.`,
        `Scope of work: ${scope} The contractor shall furnish all labor, supervision, materials and equipment, and comply with the attached specifications, drawings and wage determination. Place of performance: ${site}.`,
        `${valueSentence(naics, value, isConstruction)} ${sizeStandard} ${setAsideSentence(notice)}`,
        `${isConstruction ? "A pre-bid site visit will be held; bid, payment and performance bonds are required. " : ""}Award will be made to the offeror whose offer represents the best value to the government, considering technical capability, past performance and price. ${reply} Questions must be submitted in writing at least seven days before the response date.`,
      ].join("\n\n");
  }
}
