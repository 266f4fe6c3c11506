/*
 * Display formats for deal numbers, shared by the prospects table, the deal page and the
 * charts. Money columns hold whole dollars; spreadRatio is a fraction (0.1234 = 12.3%).
 */

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const compactMoney = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat("en-US");

export const DASH = "—";

export function formatMoney(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : money.format(value);
}

/** $12.5K: for chart axes, where width is scarce. */
export function formatCompactMoney(value: number): string {
  return compactMoney.format(value);
}

export function formatPercent(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined ? DASH : percent.format(fraction);
}

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : integer.format(value);
}

/** A spread of $30k or more is worth a call; a negative one loses money. */
export const GOOD_SPREAD = 30_000;

export function spreadTone(spread: number | null | undefined): string {
  if (spread === null || spread === undefined) return "text-muted-foreground";
  if (spread < 0) return "text-destructive";
  if (spread >= GOOD_SPREAD) return "text-success";
  return "";
}

/** "Mar 3, 2026, 4:05 PM" in the given zone (the workspace's; label it where shown). */
export function formatDateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(date);
}

export function formatDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium" }).format(date);
}

/** The zone's short name now (EST, GMT-4...), for column headers and captions. */
export function zoneAbbreviation(timeZone: string, at = new Date()): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" }).formatToParts(at).find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

// Enum values that are acronyms stay upper case ("CSV", not "Csv").
const ACRONYMS = new Set(["CSV", "API", "SFR"]);

/** UNDER_CONTRACT -> "Under contract": enum values as words. */
export function humanize(value: string): string {
  if (ACRONYMS.has(value)) return value;
  return value.charAt(0) + value.slice(1).toLowerCase().replaceAll("_", " ");
}

/**
 * +15125550142 -> "(512) 555-0142" for North American numbers; anything else as stored.
 * Shown with `whitespace-nowrap` wherever it appears, so it never wraps between digits.
 */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return DASH;
  if (!/^\+?[\d\s().-]+$/.test(phone)) return phone;
  const digits = phone.replace(/\D/g, "");
  const national = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits.length === 10 ? digits : null;
  return national ? `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}` : phone;
}

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/**
 * "240 deals"; when the count stopped short of every match, "about 1.2M deals" from the
 * database's estimate, or "10,000+ deals" without one.
 */
export function formatDealCount(total: number, exact = true, estimate?: number): string {
  if (!exact && estimate !== undefined && estimate > total) return `about ${compact.format(estimate)} deals`;
  return `${formatCount(total)}${exact ? "" : "+"} deal${total === 1 && exact ? "" : "s"}`;
}
