/**
 * The USAspending side of the shipped feeds: for about 40% of the open requirements an
 * incumbent contract (its solicitation the notice's), the contract behind each award
 * notice, and the largest similar contracts of each agency and NAICS over five years.
 */
import { dayNumber, dayString } from "@/lib/providers/samgov/fixture-clock";
import type { FixtureAward } from "@/lib/providers/usaspending/fixture-types";
import { CONTRACTORS, type Agency, type NaicsEntry } from "./catalog";
import type { GeneratedNotice } from "./notices";
import type { Random } from "./random";

const RECOMPETED_TYPES = new Set(["Solicitation", "Combined Synopsis/Solicitation", "Presolicitation", "Sources Sought"]);
const AWARD_TYPES: Record<string, string> = { A: "BPA CALL", B: "PURCHASE ORDER", C: "DELIVERY ORDER", D: "DEFINITIVE CONTRACT" };

function fiscalYear(day: number): string {
  const date = new Date(day * 86_400_000);
  return String(date.getUTCFullYear() + (date.getUTCMonth() >= 9 ? 1 : 0)).slice(2);
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

interface AwardInput {
  piid: string;
  recipient: string;
  amount: number;
  startDay: number;
  endDay: number;
  agency: Agency;
  naics: NaicsEntry;
  psc: { code: string; description: string };
  description: string;
  solicitation: string | null;
  typeCode: string;
}

function award(id: number, input: AwardInput): FixtureAward {
  return {
    internal_id: id,
    "Award ID": input.piid,
    "Recipient Name": input.recipient,
    "Award Amount": input.amount,
    "Start Date": dayString(input.startDay),
    "End Date": dayString(input.endDay),
    "Awarding Agency": input.agency.toptier,
    "Awarding Sub Agency": input.agency.subtier,
    "Contract Award Type": AWARD_TYPES[input.typeCode],
    Description: input.description.toUpperCase(),
    NAICS: { code: input.naics.code, description: input.naics.description.toUpperCase() },
    PSC: { code: input.psc.code, description: input.psc.description },
    generated_internal_id: `CONT_AWD_${input.piid}_${input.agency.agencyCode}_-NONE-_-NONE-`,
    agency_slug: slug(input.agency.toptier),
    award_type_code: input.typeCode,
    solicitation_identifier: input.solicitation,
  };
}

export function generateAwards(random: Random, notices: GeneratedNotice[], anchorDay: string): FixtureAward[] {
  const anchor = dayNumber(anchorDay);
  const awards: FixtureAward[] = [];
  const nextId = () => 180_000_000 + awards.length * 7 + random.int(0, 6);
  const piid = (agency: Agency, day: number, letter: string) => `${agency.office}${fiscalYear(day)}${letter}${String(random.int(1, 999)).padStart(4, "0")}`;

  for (const notice of notices) {
    const first = notice.versions[0];
    const posted = dayNumber((first.postedDate ?? anchorDay).slice(0, 10));
    const psc = notice.naics.psc.find((entry) => entry.code === first.classificationCode) ?? notice.naics.psc[0];
    const subject = (first.title ?? "").replace(/^[A-Z0-9]{4}--/, "");
    if (first.type === "Award Notice" && first.award) {
      const start = dayNumber(first.award.date!);
      awards.push(award(nextId(), {
        piid: first.award.number!, recipient: first.award.awardee!.name!, amount: Number(first.award.amount), startDay: start, endDay: start + random.pick([365, 730, 1095, 1825]),
        agency: notice.agency, naics: notice.naics, psc, description: subject, solicitation: first.solicitationNumber ?? null, typeCode: "D",
      }));
    } else if (RECOMPETED_TYPES.has(first.type ?? "") && random.next() < 0.4) {
      // The contract this requirement replaces: it ends around when the new one starts.
      const start = posted - random.int(2, 5) * 365 + random.int(-40, 40);
      awards.push(award(nextId(), {
        piid: piid(notice.agency, start, random.pick(["C", "C", "D"])), recipient: random.pick(CONTRACTORS[notice.family]),
        amount: Math.round(notice.value * (0.6 + random.next() * 0.8) * 100) / 100, startDay: start, endDay: posted + random.int(45, 150),
        agency: notice.agency, naics: notice.naics, psc, description: subject, solicitation: first.solicitationNumber ?? null, typeCode: random.pick(["D", "D", "C"]),
      }));
    }
  }

  // Similar contracts: the same toptier agency and NAICS code, over the five years before the cycle.
  const pairs = new Map<string, GeneratedNotice>();
  for (const notice of notices) pairs.set(`${notice.agency.toptier}|${notice.naics.code}`, notice);
  for (const notice of pairs.values()) {
    const count = random.int(3, 7);
    for (let i = 0; i < count; i++) {
      const start = anchor - random.int(30, 5 * 365 - 30);
      const amount = Math.round(random.int(notice.naics.value[0], notice.naics.value[1] * 1.5) * 100) / 100;
      const psc = random.pick(notice.naics.psc);
      const stem = random.pick(notice.naics.titles).replace("{bldg}", String(random.int(1, 140))).replace("{nsn}", `${random.int(100, 799)}-${String(random.int(0, 9999)).padStart(4, "0")}`);
      awards.push(award(nextId(), {
        piid: piid(notice.agency, start, random.pick(["C", "D", "F"])), recipient: random.pick(CONTRACTORS[notice.family]), amount, startDay: start,
        endDay: start + random.pick([180, 365, 730, 1095, 1825]), agency: notice.agency, naics: notice.naics, psc,
        description: `${stem}, ${random.pick(notice.agency.places).city}`, solicitation: null, typeCode: random.pick(["D", "C", "B", "A"]),
      }));
    }
  }
  return awards;
}
