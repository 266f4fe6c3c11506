/**
 * A SAM.gov v2 notice as an Opportunity row's fields, read defensively: every field of a
 * real answer may be missing, null or of another shape than documented. Pure.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { SamNotice } from "@/lib/providers/samgov/types";
import { parseSamDate } from "./dates";
import { noticeValueDollars } from "./fit";
import type { GovConProfileView } from "./profile-schema";

/** The Opportunity columns a notice sets (the rest are the team's: status, owner, notes, fit). */
export interface NoticeFields {
  noticeId: string;
  solicitationNumber: string | null;
  title: string;
  noticeType: string;
  baseType: string | null;
  agency: string | null;
  subTier: string | null;
  office: string | null;
  agencyPath: string | null;
  naicsCode: string | null;
  pscCode: string | null;
  setAside: string | null;
  setAsideDescription: string | null;
  placeState: string | null;
  placeCity: string | null;
  placeZip: string | null;
  postedAt: Date | null;
  postedRaw: string | null;
  responseDeadline: Date | null;
  responseDeadlineRaw: string | null;
  archiveAt: Date | null;
  archiveRaw: string | null;
  active: boolean;
  awardAmountDollars: number | null;
  awardee: string | null;
  valueDollars: number | null;
  uiLink: string | null;
  descriptionUrl: string | null;
  pointsOfContact: Prisma.InputJsonValue;
  attachments: string[];
  raw: Prisma.InputJsonValue;
}

/** A trimmed, non-empty string, or null: anything else SAM.gov sends in its place is none. */
export function text(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** The notice's id, or null when it has none: such a notice is skipped, never stored half. */
export function noticeIdOf(notice: SamNotice): string | null {
  return text(notice?.noticeId);
}

export function naicsOf(notice: SamNotice): string | null {
  const codes = Array.isArray(notice.naicsCodes) ? notice.naicsCodes : [];
  return text(notice.naicsCode) ?? codes.map(text).find((c) => c !== null) ?? null;
}

/** "NONE" and empty set-aside codes mean open to all. */
export function setAsideOf(notice: SamNotice): string | null {
  const code = text(notice.typeOfSetAside);
  return code && code.toUpperCase() !== "NONE" ? code : null;
}

/** The noticedesc link: `description` holds a URL (SAM.gov) or, in some exports, the text. */
export function descriptionLinkOf(notice: SamNotice): string | null {
  const value = text(notice.description);
  return value && /^https?:\/\//i.test(value) ? value : null;
}

/** Text given in place of a link: it needs no request. */
export function inlineDescriptionOf(notice: SamNotice): string | null {
  const value = text(notice.description);
  return value && !/^https?:\/\//i.test(value) ? value : null;
}

export function attachmentsOf(notice: SamNotice): string[] {
  const links = Array.isArray(notice.resourceLinks) ? notice.resourceLinks : [];
  return [...new Set(links.map(text).filter((l): l is string => l !== null))];
}

function agencyParts(notice: SamNotice): { agency: string | null; subTier: string | null; office: string | null; agencyPath: string | null } {
  const path = text(notice.fullParentPathName);
  const parts = path ? path.split(".").map((p) => p.trim()).filter(Boolean) : [];
  return {
    agency: text(notice.department) ?? parts[0] ?? null,
    subTier: text(notice.subTier) ?? parts[1] ?? null,
    office: text(notice.office) ?? (parts.length > 2 ? parts[parts.length - 1] : null),
    agencyPath: path,
  };
}

function awardAmount(notice: SamNotice): number | null {
  const amount = notice.award?.amount;
  if (amount === null || amount === undefined || amount === "") return null;
  const value = typeof amount === "number" ? amount : Number(String(amount).replace(/[$,\s]/g, ""));
  return Number.isFinite(value) ? value : null;
}

function contactsOf(notice: SamNotice): Prisma.InputJsonValue {
  const contacts = Array.isArray(notice.pointOfContact) ? notice.pointOfContact : [];
  return contacts
    .filter((c) => c && typeof c === "object")
    .map((c) => ({ type: text(c.type), fullName: text(c.fullName), title: text(c.title), email: text(c.email), phone: text(c.phone), fax: text(c.fax) }));
}

/** The row fields of a notice that has an id. */
export function noticeFields(notice: SamNotice & { noticeId: string }): NoticeFields {
  const posted = parseSamDate(notice.postedDate);
  const deadline = parseSamDate(notice.responseDeadLine);
  const archive = parseSamDate(notice.archiveDate);
  const place = notice.placeOfPerformance ?? null;
  const awardee = text(notice.award?.awardee?.name);
  return {
    noticeId: notice.noticeId.trim(),
    solicitationNumber: text(notice.solicitationNumber),
    title: text(notice.title) ?? "Untitled notice",
    noticeType: text(notice.type) ?? text(notice.baseType) ?? "Unknown",
    baseType: text(notice.baseType),
    ...agencyParts(notice),
    naicsCode: naicsOf(notice),
    pscCode: text(notice.classificationCode),
    setAside: setAsideOf(notice),
    setAsideDescription: text(notice.typeOfSetAsideDescription),
    placeState: text(place?.state?.code)?.toUpperCase() ?? null,
    placeCity: text(place?.city?.name),
    placeZip: text(place?.zip),
    postedAt: posted.at,
    postedRaw: posted.raw,
    responseDeadline: deadline.at,
    responseDeadlineRaw: deadline.raw,
    archiveAt: archive.at,
    archiveRaw: archive.raw,
    active: text(notice.active)?.toLowerCase() !== "no",
    awardAmountDollars: awardAmount(notice),
    awardee,
    valueDollars: noticeValueDollars(notice),
    uiLink: text(notice.uiLink),
    descriptionUrl: descriptionLinkOf(notice),
    pointsOfContact: contactsOf(notice),
    attachments: attachmentsOf(notice),
    raw: JSON.parse(JSON.stringify(notice)) as Prisma.InputJsonValue,
  };
}

/**
 * Whether the sync keeps a notice for this profile: a NAICS code under one of the profile's
 * codes or prefixes, or a keyword in its title or description. Without a profile, or with
 * neither codes nor keywords, every notice is kept.
 */
export function matchesProfile(notice: SamNotice, profile: Pick<GovConProfileView, "naicsCodes" | "keywords"> | null): boolean {
  if (!profile || (profile.naicsCodes.length === 0 && profile.keywords.length === 0)) return true;
  const naics = naicsOf(notice);
  const codes = [naics, ...(Array.isArray(notice.naicsCodes) ? notice.naicsCodes.map(text) : [])].filter((c): c is string => c !== null);
  if (codes.some((code) => profile.naicsCodes.some((prefix) => code.startsWith(prefix)))) return true;
  const haystack = `${text(notice.title) ?? ""} ${inlineDescriptionOf(notice) ?? ""}`.toLowerCase();
  return profile.keywords.some((keyword) => keyword.trim() && haystack.includes(keyword.trim().toLowerCase()));
}
