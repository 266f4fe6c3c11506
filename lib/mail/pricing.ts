/**
 * What a piece costs, in cents, before the provider says. The table is the app's estimate
 * per kind and destination country, close to the published per-piece rates of print-and-mail
 * services for a 4x6 postcard and a one-page black-and-white letter (first class, US
 * postage; international postage to Canada). When Lob's response carries the real price,
 * that replaces the estimate on the piece.
 */
import type { Country } from "@/lib/geo";
import type { MailPieceKindValue } from "./types";

export const MAIL_PRICE_CENTS: Readonly<Record<MailPieceKindValue, Readonly<Record<Country, number>>>> = {
  POSTCARD: { US: 69, CA: 129 },
  LETTER: { US: 109, CA: 189 },
};

export function estimateMailCost(kind: MailPieceKindValue, country: Country): number {
  return MAIL_PRICE_CENTS[kind][country];
}

/** Lob's price ("0.63" dollars) as cents; null when absent or unreadable. */
export function priceToCents(price: unknown): number | null {
  const value = typeof price === "number" ? price : typeof price === "string" && /^\d+(\.\d{1,4})?$/.test(price.trim()) ? Number(price) : NaN;
  return Number.isFinite(value) && value >= 0 ? Math.round(value * 100) : null;
}

/** The first instant of the calendar month (UTC) containing `at`: the budget's period. */
export function startOfMailMonth(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

export function formatCents(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

export function startOfNextMailMonth(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
}
