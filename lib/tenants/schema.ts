import { z } from "zod";
import { PasswordSchema } from "@/lib/auth/password";
import { RoleSchema } from "@/lib/auth/permissions";

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}

export const CountrySchema = z.enum(["US", "CA"], { error: "Choose the United States or Canada" });

export const TenantProfileInput = z.object({
  name: z.string().trim().min(2, "Use at least 2 characters").max(100, "Use at most 100 characters"),
  timeZone: z.string().trim().refine(isValidTimeZone, "Choose a valid time zone, e.g. America/Toronto"),
  country: CountrySchema,
});
export type TenantProfileInput = z.infer<typeof TenantProfileInput>;

const Email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address"));

export const InviteMemberInput = z.object({
  email: Email,
  role: RoleSchema,
});
export type InviteMemberInput = z.infer<typeof InviteMemberInput>;

export const ChangeRoleInput = z.object({
  membershipId: z.string().min(1, "Choose a member"),
  role: RoleSchema,
});
export type ChangeRoleInput = z.infer<typeof ChangeRoleInput>;

export const MembershipRef = z.object({ membershipId: z.string().min(1, "Choose a member") });
export const InvitationRef = z.object({ invitationId: z.string().min(1, "Choose an invitation") });

export const AcceptInvitationInput = z.object({
  token: z.string().min(20, "This invitation link is incomplete"),
  name: z.string().trim().min(2, "Enter your name").max(100, "Use at most 100 characters").optional(),
  password: z.string().min(1, "Enter a password"),
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

export { PasswordSchema };
