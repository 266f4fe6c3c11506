/**
 * Demo data: the copy of its national registry a real workspace would have downloaded a few
 * days ago, loaded through the same path as an admin's upload. The list holds a few thousand
 * numbers in the workspace's own area codes, and the numbers of three leads who gave written
 * consent, so the registries page shows a fresh copy and those leads' sends show the consent
 * exemption at work. A Canadian workspace gets Canada's DNCL (without it, fail closed, its
 * Canadian numbers could not be texted or called); a US one the US National DNC Registry.
 */
import type { AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { nanpNumberOf } from "./area-codes";
import { startRegistryLoad } from "./load";
import { DNC_KIND_LABELS } from "./schema";

const AREA_CODES = {
  CA: [416, 647, 905, 613, 604, 403, 780, 514, 204, 902],
  US: [614, 901, 214, 404, 813, 313, 216, 317, 704, 410],
} as const;
const NUMBERS = 4_000;
/** Days before the seed run that each demo copy was downloaded: well inside the 31-day limit. */
const DOWNLOADED_DAYS_AGO = { CA: 4, US: 9 } as const;
const DAY_MS = 86_400_000;

/** A deterministic spread of numbers (the same in every demo workspace of a country). */
function demoRegistryNumbers(country: "US" | "CA"): number[] {
  const areas = AREA_CODES[country];
  let state = country === "CA" ? 31 : 17;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  return Array.from({ length: NUMBERS }, () => {
    const area = areas[Math.floor(next() * areas.length)]!;
    const exchange = 200 + Math.floor(next() * 800);
    const line = Math.floor(next() * 10_000);
    return area * 1e7 + exchange * 1e4 + line;
  });
}

export async function seedDemoRegistries(db: TenantDb, country: "US" | "CA", ctx: AuditContext, now = new Date()): Promise<{ numbers: number }> {
  const kind = country === "CA" ? "CA_NATIONAL" : "US_NATIONAL";
  const consented = await db.contactConsent.findMany({
    where: { channel: "SMS", status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN" },
    orderBy: { address: "asc" },
    select: { address: true },
  });
  const listedLeads = consented.flatMap((c) => nanpNumberOf(c.address) ?? []).slice(0, 3);
  const text = [...demoRegistryNumbers(country), ...listedLeads].join("\n") + "\n";
  const bytes = new TextEncoder().encode(text);
  const day = Math.floor(now.getTime() / DAY_MS) - DOWNLOADED_DAYS_AGO[country];
  const load = await startRegistryLoad(db, { kind, name: DNC_KIND_LABELS[kind], downloadedAt: new Date(day * DAY_MS), totalBytes: bytes.length }, ctx, now);
  try {
    await load.write(bytes);
    const result = await load.finish();
    return { numbers: result.numberCount };
  } catch (error) {
    await load.fail(error);
    throw error;
  }
}
