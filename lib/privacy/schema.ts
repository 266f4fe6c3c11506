import { z } from "zod";
import { normalizeEmail, normalizePhone } from "@/lib/contact/address";

const optionalText = (max: number) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max).optional());

/** A privacy request as filed on the page, by the CLI or in a test: a phone, an email, or a name and address. */
export const PrivacyRequestInput = z
  .object({
    kind: z.enum(["ERASURE", "ACCESS"], { error: "Choose erasure or access" }),
    phone: optionalText(40).refine((v) => v === undefined || normalizePhone(v) !== null, "Enter a phone number such as (416) 555-0100"),
    email: optionalText(254).refine((v) => v === undefined || normalizeEmail(v) !== null, "Enter an email address"),
    name: optionalText(200),
    address: optionalText(300),
  })
  .superRefine((value, ctx) => {
    if (value.phone || value.email) return;
    if (!value.name) ctx.addIssue({ code: "custom", path: ["name"], message: "Give a phone, an email, or a name and street address" });
    if (!value.address) ctx.addIssue({ code: "custom", path: ["address"], message: "Give a phone, an email, or a name and street address" });
  });
export type PrivacyRequestInput = z.infer<typeof PrivacyRequestInput>;

/** The CLI's --contact: a phone or an email. */
export function contactArgument(contact: string): { phone?: string; email?: string } | null {
  if (contact.includes("@")) return normalizeEmail(contact) ? { email: contact } : null;
  return normalizePhone(contact) ? { phone: contact } : null;
}
