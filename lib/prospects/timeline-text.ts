/**
 * What the deal timeline says about audit lines and KPI events: readable labels, names and
 * amounts, never the internal ids the records carry.
 */
import { callOutcomeLabel } from "@/lib/calls/rules";
import { DEAL_STATUS_LABELS, isDealStatus } from "@/lib/deals/rules";
import { DISPOSITION_LABELS, isDispositionStage } from "@/lib/dispositions/rules";

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => (value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {});

const FIELD_LABELS: Record<string, string> = {
  street: "street", unit: "unit", city: "city", region: "state/province", postalCode: "postal code", country: "country",
  askingPrice: "asking price", arv: "ARV", repairs: "repairs", beds: "beds", baths: "baths", sqft: "square feet",
  yearBuilt: "year built", propertyType: "property type", score: "lead score", contactName: "contact name",
  contactPhone: "contact phone", contactEmail: "contact email", market: "market", timeZone: "time zone",
};
const MONEY_FIELDS = new Set(["askingPrice", "arv", "repairs", "assignmentFee"]);

function statusLabel(value: unknown): string {
  return isDealStatus(value) ? DEAL_STATUS_LABELS[value] : "unknown";
}

function shown(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "empty";
  if (MONEY_FIELDS.has(field) && typeof value === "number") return `$${value.toLocaleString("en-US")}`;
  return String(value);
}

const STOP_REASONS: Record<string, string> = {
  reply: "the lead replied",
  opted_out: "the lead opted out",
  stop_requested: "stopped by hand",
  manual: "stopped by hand",
  deal_deleted: "the deal was deleted",
};

/** "deal_status:CONTACTED" -> "the deal moved to Contacted"; "manual: on vacation" -> "stopped by hand: on vacation". */
export function stopReasonText(reason: unknown): string {
  if (typeof reason !== "string" || !reason) return "stopped";
  if (reason.startsWith("deal_status:")) return `the deal moved to ${statusLabel(reason.slice("deal_status:".length))}`;
  if (reason.startsWith("manual: ")) return `stopped by hand: ${reason.slice("manual: ".length)}`;
  return STOP_REASONS[reason] ?? reason.replaceAll("_", " ");
}

export interface AuditLine {
  action: string;
  before: unknown;
  after: unknown;
}

/** Title and detail of one audit line about a deal; `nameOf` turns a user id into a member's name. */
export function describeDealAudit(line: AuditLine, nameOf: (userId: string | null) => string): { title: string; detail: string | null } {
  const before = asObject(line.before);
  const after = asObject(line.after);
  switch (line.action) {
    case "deal.status_changed": {
      const fee = typeof after.assignmentFee === "number" && after.assignmentFee !== before.assignmentFee ? `assignment fee ${shown("assignmentFee", after.assignmentFee)}` : null;
      const parts = [after.statusReason ? `Reason: ${String(after.statusReason)}` : null, fee, after.ladderStopped ? "follow-up ladder stopped" : null].filter(Boolean);
      return { title: `Status: ${statusLabel(before.status)} → ${statusLabel(after.status)}`, detail: parts.length ? parts.join(" · ") : null };
    }
    case "deal.owner_changed":
      return { title: after.ownerId ? `Assigned to ${nameOf(after.ownerId as string)}` : "Owner removed", detail: before.ownerId ? `Was ${nameOf(before.ownerId as string)}` : null };
    case "deal.tags_changed": {
      const was = Array.isArray(before.tags) ? (before.tags as string[]) : [];
      const now = Array.isArray(after.tags) ? (after.tags as string[]) : [];
      const added = now.filter((t) => !was.includes(t));
      const removed = was.filter((t) => !now.includes(t));
      return { title: "Tags changed", detail: [added.length ? `added ${added.join(", ")}` : null, removed.length ? `removed ${removed.join(", ")}` : null].filter(Boolean).join(" · ") || null };
    }
    case "deal.note_added":
      return { title: "Note added", detail: typeof after.excerpt === "string" ? after.excerpt : null };
    case "deal.edited": {
      const fields = Object.keys(after).filter((k) => k !== "reunderwritten");
      const detail = fields.map((f) => `${FIELD_LABELS[f] ?? f}: ${shown(f, before[f])} → ${shown(f, after[f])}`).join(" · ");
      const priced = after.reunderwritten === "priced" ? " (re-underwritten)" : after.reunderwritten ? ` (no new offer: ${String(after.reunderwritten).replaceAll("_", " ")})` : "";
      return { title: `Edited ${fields.map((f) => FIELD_LABELS[f] ?? f).join(", ")}${priced}`, detail: detail || null };
    }
    case "deal.created":
      return { title: "Lead details recorded", detail: after.ownerId ? `Owner ${nameOf(after.ownerId as string)}` : null };
    case "deal.disposition_changed": {
      const stage = (value: unknown) => (isDispositionStage(value) ? DISPOSITION_LABELS[value] : "Not marketed");
      const parts = [
        typeof after.assignmentFee === "number" ? `assignment fee ${shown("assignmentFee", after.assignmentFee)}` : null,
        typeof after.offerAmount === "number" ? `offer ${shown("askingPrice", after.offerAmount)}` : null,
        after.withdrawnBuyerId ? "the buyer fell through" : null,
      ].filter(Boolean);
      return { title: `Disposition: ${stage(before.stage)} → ${stage(after.stage)}`, detail: parts.length ? parts.join(" · ") : null };
    }
    case "deal.deleted":
      return { title: "Deleted", detail: null };
    case "deal.restored":
      return { title: "Restored from Recently deleted", detail: null };
    case "deal.memo_generated":
      return { title: typeof after.version === "number" ? `Investor memo v${after.version} generated` : "Investor memo generated", detail: "On the Documents tab" };
    default:
      return { title: line.action.replace(/^deal\./, "").replaceAll(/[._]/g, " "), detail: null };
  }
}

/** Title and detail of a KPI event on the timeline (ladder starts and stops, alerts, opt-ins). */
export function describeDealKpi(name: string, data: unknown): { title: string; detail: string | null } {
  const d = asObject(data);
  switch (name) {
    case "ladder_started":
      return { title: "Follow-up ladder started", detail: null };
    case "ladder_stopped":
      return { title: "Follow-up ladder stopped", detail: `Because ${stopReasonText(d.reason)}` };
    case "spread_alert":
      return { title: "Spread alert raised", detail: typeof d.spread === "number" ? `Spread ${shown("askingPrice", d.spread)}` : null };
    case "followup_completed":
      return { title: "Follow-up call logged", detail: typeof d.outcome === "string" ? `Outcome: ${d.outcome.replaceAll("_", " ")}` : null };
    default: {
      // Only plain values that are not record ids (keys ending in "Id") reach the page.
      const pairs = Object.entries(d).filter(([k, v]) => !/id$/i.test(k) && v !== null && typeof v !== "object");
      return { title: name.replaceAll("_", " "), detail: pairs.length ? pairs.map(([k, v]) => `${k}: ${String(v).replaceAll("_", " ")}`).join(", ") : null };
    }
  }
}

const CALL_STATUS_WORDS: Record<string, string> = {
  QUEUED: "dialling", RINGING: "ringing", IN_PROGRESS: "in progress", COMPLETED: "completed", BUSY: "busy",
  NO_ANSWER: "no answer", FAILED: "failed", CANCELED: "cancelled", BLOCKED: "not placed",
};

/** "3m 12s" */
export function formatCallDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m}m ${String(s).padStart(2, "0")}s` : `${s}s`;
}

/** A call on the deal's story: who called, how it went, for how long, and the notes. */
export function describeCall(
  call: { toNumber: string; status: string; durationSeconds: number | null; outcome: string | null; notes: string | null; userId: string | null; blockedReason: string | null },
  nameOf: (userId: string | null) => string,
): { title: string; detail: string | null } {
  const how = call.status === "BLOCKED" ? `not placed (${call.blockedReason ?? "refused"})` : (call.outcome ? callOutcomeLabel(call.outcome) : (CALL_STATUS_WORDS[call.status] ?? call.status.toLowerCase()));
  const length = call.durationSeconds ? `, ${formatCallDuration(call.durationSeconds)}` : "";
  const by = call.userId ? ` by ${nameOf(call.userId)}` : "";
  return { title: `Call to ${call.toNumber}${by}: ${how}${length}`, detail: call.notes };
}

const MAIL_STATUS_WORDS: Record<string, string> = {
  CREATED: "created", RENDERED: "proof rendered", MAILED: "mailed", IN_TRANSIT: "in transit", DELIVERED: "delivered",
  RETURNED: "returned to sender", CANCELLED: "cancelled", FAILED: "failed", BLOCKED: "not sent",
};

/** A postcard or letter on the deal's story, with where it stands. */
export function describeMailPiece(piece: { kind: string; status: string; addressLine1: string; city: string; blockedReason: string | null; error: string | null }): {
  title: string;
  detail: string | null;
} {
  const kind = piece.kind === "LETTER" ? "Letter" : "Postcard";
  const status = MAIL_STATUS_WORDS[piece.status] ?? piece.status.toLowerCase();
  return { title: `${kind} to ${piece.addressLine1}, ${piece.city}: ${status}`, detail: piece.blockedReason ?? piece.error };
}
