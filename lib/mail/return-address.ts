/**
 * The workspace's postal address (one free-text setting, "123 Main St, Suite 4, Springfield,
 * IL 62701") read as a return address. Null when it does not end in a city and a state or
 * province with its ZIP or postal code.
 */
import { normalizeRegion, parsePostalCode } from "@/lib/geo";
import type { MailingAddress } from "./verify-address";

const REGION_AND_POSTAL = /^(.+?)\s+([A-Za-z]\d[A-Za-z]\s?\d[A-Za-z]\d|\d{5}(?:-\d{4})?)$/;

export function parseReturnAddress(name: string, postalAddress: string | null | undefined): MailingAddress | null {
  const parts = (postalAddress ?? "").split(/[,\n]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length > 0 && /^(USA?|United States|Canada)$/i.test(parts.at(-1)!)) parts.pop();
  const last = parts.pop();
  const city = parts.pop();
  const [addressLine1, ...more] = parts;
  const match = last ? REGION_AND_POSTAL.exec(last) : null;
  if (!match || !city || !addressLine1) return null;
  const postal = parsePostalCode(match[2]);
  const region = postal ? normalizeRegion(match[1], postal.country) : null;
  if (!postal || !region) return null;
  return {
    toName: name,
    addressLine1,
    addressLine2: more.length ? more.join(", ") : null,
    city,
    region: region.code,
    postalCode: postal.country === "US" ? postal.zip : postal.postalCode,
    country: postal.country,
  };
}
