/**
 * Who may bid on a set-aside. A notice names the exact SAM.gov code (a sole-source or partial
 * variant included); a business holds certifications. Both are reduced to programmes.
 */
import { SET_ASIDES } from "./codes";

/** Sole-source and partial codes belong to the programme of their set-aside. */
const PROGRAMME_OF_NOTICE_CODE: Record<string, string> = {
  SBP: "SBA",
  "8AN": "8A",
  HZS: "HZC",
  SDVOSBS: "SDVOSBC",
  WOSBSS: "WOSB",
  EDWOSBSS: "EDWOSB",
  VSS: "VSA",
};

/**
 * What a certification also qualifies for: an EDWOSB is a WOSB (FAR 19.15), a service-disabled
 * veteran-owned business is veteran-owned (VA's VSA), an ISBEE is an IEE, and every
 * small-business programme requires being a small business.
 */
const ALSO_QUALIFIES: Record<string, string[]> = {
  "8A": ["SBA"],
  HZC: ["SBA"],
  SDVOSBC: ["VSA", "SBA"],
  WOSB: ["SBA"],
  EDWOSB: ["WOSB", "SBA"],
  VSA: ["SBA"],
  ISBEE: ["IEE", "SBA"],
};

/** The programme a notice's `typeOfSetAside` restricts it to, or null when open to all. */
export function setAsideProgramme(code: string | null | undefined): string | null {
  const trimmed = code?.trim();
  if (!trimmed || trimmed.toUpperCase() === "NONE") return null;
  return PROGRAMME_OF_NOTICE_CODE[trimmed] ?? trimmed;
}

/** Every programme the profile's set-aside codes qualify for. */
export function qualifyingProgrammes(profileCodes: readonly string[]): Set<string> {
  const programmes = new Set<string>();
  for (const code of profileCodes) {
    const programme = setAsideProgramme(code);
    if (!programme) continue;
    programmes.add(programme);
    for (const implied of ALSO_QUALIFIES[programme] ?? []) programmes.add(implied);
  }
  return programmes;
}

/** SAM.gov's description of a code, the notice's own, or the code itself. */
export function setAsideLabel(code: string, noticeDescription?: string | null): string {
  return (SET_ASIDES as Record<string, string>)[code] ?? noticeDescription?.trim() ?? code;
}
