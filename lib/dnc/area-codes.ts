/**
 * North American numbers as the registries hold them: 10-digit integers. Which area codes
 * are Canadian is kept once, beside phone normalization (lib/contact/address.ts), since the
 * STOP keywords and the DNCL rules both follow the number, not the lead's address.
 */
export { isCanadianNumber } from "@/lib/contact/address";

/** "+14165550100" → 4165550100; null when the address is not a whole North American number. */
export function nanpNumberOf(address: string | null | undefined): number | null {
  if (typeof address !== "string" || !/^\+1[2-9]\d{2}[2-9]\d{6}$/.test(address)) return null;
  return Number(address.slice(2));
}
