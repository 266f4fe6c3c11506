/**
 * What makes a notice seen again an amendment: a changed response deadline, title,
 * set-aside, notice type, description (its link or its text) or attachment list. Each
 * change reads as words a person understands on the amendment history. Pure.
 */
import type { SamNotice } from "@/lib/providers/samgov/types";
import { parseSamDate } from "./dates";
import { attachmentsOf, descriptionLinkOf, inlineDescriptionOf, setAsideOf, text } from "./notice-fields";

export interface NoticeChange {
  field: string;
  before: string;
  after: string;
}

const NONE = "none";

/** A deadline as people read it, "2026-03-14 17:00 UTC", or the raw text when it cannot be read. */
function deadlineWords(raw: unknown): string {
  const { at, raw: kept } = parseSamDate(raw);
  if (at) return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return kept ?? NONE;
}

function sameDeadline(a: unknown, b: unknown): boolean {
  const left = parseSamDate(a);
  const right = parseSamDate(b);
  // Two spellings of one instant are no amendment; unreadable ones compare as text.
  if (left.at && right.at) return left.at.getTime() === right.at.getTime();
  return (left.raw?.trim() ?? null) === (right.raw?.trim() ?? null);
}

function setAsideWords(notice: SamNotice): string {
  const code = setAsideOf(notice);
  if (!code) return "open to all";
  const description = text(notice.typeOfSetAsideDescription);
  return description ? `${description} (${code})` : code;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

function attachmentChange(before: string[], after: string[]): NoticeChange | null {
  const added = after.filter((link) => !before.includes(link));
  const removed = before.filter((link) => !after.includes(link));
  if (added.length === 0 && removed.length === 0) return null;
  const what = [added.length ? `${added.length} added` : "", removed.length ? `${removed.length} removed` : ""].filter(Boolean).join(", ");
  return { field: "Attachments", before: plural(before.length, "attachment"), after: `${plural(after.length, "attachment")} (${what})` };
}

/**
 * The changes from `before` to `after`, in a fixed order; none means the notice is the same.
 * `descriptionText` is the text fetched for each when known: a changed text is a change
 * even when the link stayed.
 */
export function diffNotices(
  before: SamNotice,
  after: SamNotice,
  descriptionText: { before?: string | null; after?: string | null } = {},
): NoticeChange[] {
  const changes: NoticeChange[] = [];
  if (!sameDeadline(before.responseDeadLine, after.responseDeadLine)) {
    changes.push({ field: "Response deadline", before: deadlineWords(before.responseDeadLine), after: deadlineWords(after.responseDeadLine) });
  }
  const titleBefore = text(before.title) ?? NONE;
  const titleAfter = text(after.title) ?? NONE;
  if (titleBefore !== titleAfter) changes.push({ field: "Title", before: titleBefore, after: titleAfter });
  if (setAsideOf(before) !== setAsideOf(after)) changes.push({ field: "Set-aside", before: setAsideWords(before), after: setAsideWords(after) });
  const typeBefore = text(before.type) ?? text(before.baseType) ?? NONE;
  const typeAfter = text(after.type) ?? text(after.baseType) ?? NONE;
  if (typeBefore !== typeAfter) changes.push({ field: "Notice type", before: typeBefore, after: typeAfter });

  const linkBefore = descriptionLinkOf(before);
  const linkAfter = descriptionLinkOf(after);
  const textBefore = descriptionText.before ?? inlineDescriptionOf(before);
  const textAfter = descriptionText.after ?? inlineDescriptionOf(after);
  if (linkBefore !== linkAfter) {
    changes.push({ field: "Description", before: linkBefore ? "the earlier description" : NONE, after: linkAfter ? "a new description (fetched when the fit qualifies)" : NONE });
  } else if (textBefore != null && textAfter != null && textBefore.trim() !== textAfter.trim()) {
    changes.push({ field: "Description", before: excerpt(textBefore), after: excerpt(textAfter) });
  }

  const attachments = attachmentChange(attachmentsOf(before), attachmentsOf(after));
  if (attachments) changes.push(attachments);
  return changes;
}

function excerpt(value: string, max = 160): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat || NONE;
}
