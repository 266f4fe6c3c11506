/**
 * The demo workspaces' intent signals: 30 days of replies, opens, clicks, form captures,
 * page views and offers for some leads and buyers, so scores, their breakdowns and the
 * approval queue have something true to show on first start. A handful of people are hot
 * now (their signals are fresh), more are warm, and the rest cooled off weeks ago.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { recordSignals, type SignalInput } from "./service";
import type { SignalSubject, SignalType } from "./types";

const HOUR_MS = 3_600_000;

/** One person's story: signal types with their age in hours. */
type Story = readonly (readonly [SignalType, number])[];

/** Hot leads: a reply today on top of a click and a form. Each lands between 75 and 95. */
const HOT_LEADS: Story[] = [
  [["form_capture", 70], ["email_open", 30], ["email_click", 20], ["email_reply", 9], ["sms_reply", 3]],
  [["sms_reply", 2], ["sms_reply", 26], ["email_click", 12], ["form_capture", 96]],
  [["email_reply", 5], ["email_click", 6], ["email_open", 7], ["status_change", 40], ["sms_reply", 30]],
  [["crm_stage_change", 10], ["sms_reply", 8], ["email_reply", 50], ["email_click", 49]],
];
/** Warm leads: some interest this week, under the threshold. */
const WARM_LEADS: Story[] = [
  [["email_open", 20], ["email_click", 19], ["sms_reply", 60]],
  [["form_capture", 120], ["email_open", 50]],
  [["sms_reply", 100], ["email_open", 30]],
  [["status_change", 30], ["email_reply", 140]],
  [["email_click", 8], ["email_open", 9]],
  [["crm_activity", 20], ["email_open", 22], ["email_open", 70]],
];
/** Cold leads: they answered weeks ago and went quiet; their scores have decayed to almost nothing. */
const COLD_LEADS: Story[] = [
  [["sms_reply", 24 * 21], ["email_open", 24 * 20]],
  [["form_capture", 24 * 28], ["email_reply", 24 * 18]],
  [["email_click", 24 * 12]],
];
const HOT_BUYERS: Story[] = [
  [["deal_page_view", 30], ["deal_page_view", 6], ["buyer_offer", 4], ["email_reply", 5]],
  [["deal_page_view", 3], ["email_click", 4], ["sms_reply", 2], ["buyer_offer", 20]],
];
const WARM_BUYERS: Story[] = [
  [["deal_page_view", 10], ["deal_page_view", 34], ["email_open", 11]],
  [["buyer_offer", 24 * 9], ["deal_page_view", 24 * 9 + 1]],
  [["email_click", 15], ["deal_page_view", 14]],
];

export interface DemoSignalPlan {
  hot: SignalSubject[];
  signals: SignalInput[];
}

/** Pure: the signals of each story for the people given, dated back from `now`. */
export function planDemoSignals(people: { leads: string[]; buyers: string[] }, now: Date): DemoSignalPlan {
  const signals: SignalInput[] = [];
  const hot: SignalSubject[] = [];
  const tell = (subject: SignalSubject, story: Story, id: string) =>
    story.forEach(([type, hoursAgo], n) =>
      signals.push({
        subject,
        type,
        source: "demo",
        occurredAt: new Date(now.getTime() - hoursAgo * HOUR_MS),
        dedupeKey: `demo:${id}:${n}`,
        payload: { demo: true },
      }),
    );
  const leadStories = [...HOT_LEADS, ...WARM_LEADS, ...COLD_LEADS];
  people.leads.slice(0, leadStories.length).forEach((dealId, i) => {
    const subject: SignalSubject = { kind: "lead", dealId };
    if (i < HOT_LEADS.length) hot.push(subject);
    tell(subject, leadStories[i], dealId);
  });
  const buyerStories = [...HOT_BUYERS, ...WARM_BUYERS];
  people.buyers.slice(0, buyerStories.length).forEach((buyerId, i) => {
    const subject: SignalSubject = { kind: "buyer", buyerId };
    if (i < HOT_BUYERS.length) hot.push(subject);
    tell(subject, buyerStories[i], buyerId);
  });
  return { hot, signals };
}

/**
 * Records the demo signals for worked leads and active buyers who can be emailed (an
 * address with email consent), so their drafts can be approved. Returns the hot people.
 */
export async function seedDemoSignals(db: TenantDb, now: Date): Promise<{ signals: number; hot: SignalSubject[] }> {
  const consented = new Set(
    (await db.contactConsent.findMany({ where: { channel: "EMAIL", status: "OPTED_IN" }, select: { address: true } })).map((c) => c.address),
  );
  const deals = await db.deal.findMany({
    where: { deletedAt: null, status: { in: ["CONTACTED", "NEGOTIATING"] }, contactEmail: { not: null } },
    select: { id: true, contactEmail: true },
    orderBy: [{ statusChangedAt: "desc" }, { id: "asc" }],
  });
  const buyers = await db.buyer.findMany({
    where: { deletedAt: null, status: "ACTIVE" },
    select: { id: true, emails: true },
    orderBy: [{ tier: "asc" }, { id: "asc" }],
    take: 200,
  });
  const plan = planDemoSignals(
    {
      leads: deals.filter((d) => consented.has(d.contactEmail!.toLowerCase())).map((d) => d.id),
      buyers: buyers.filter((b) => b.emails.some((e) => consented.has(e))).map((b) => b.id),
    },
    now,
  );
  const result = await recordSignals(db, plan.signals, { now });
  return { signals: result.stored, hot: plan.hot };
}
