/** How a sending identity's address is written and read. Pure. */
import { normalizePhone } from "@/lib/contact/address";

/** The domain of an email address, lower-case; null when it has none. */
export function emailDomainOf(address: string): string | null {
  const at = address.lastIndexOf("@");
  if (at < 0) return null;
  const domain = address.slice(at + 1).trim().toLowerCase();
  return domain || null;
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A sender's stored address: E.164 for a number, the bare lower-case domain for email; null when invalid. */
export function normalizeSenderAddress(channel: "SMS" | "EMAIL", value: string): string | null {
  if (channel === "SMS") return normalizePhone(value);
  const trimmed = value.trim().toLowerCase();
  const domain = trimmed.includes("@") ? emailDomainOf(trimmed) : trimmed.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  return domain && DOMAIN.test(domain) ? domain : null;
}
