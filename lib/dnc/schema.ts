import { z } from "zod";
import { storableText } from "@/lib/validation/text";

export const DNC_REGISTRY_KINDS = ["US_NATIONAL", "CA_NATIONAL", "LITIGATOR", "INTERNAL"] as const;
export type DncRegistryKindName = (typeof DNC_REGISTRY_KINDS)[number];

export const DNC_KIND_LABELS: Record<DncRegistryKindName, string> = {
  US_NATIONAL: "US National DNC Registry",
  CA_NATIONAL: "Canada National DNCL",
  LITIGATOR: "Litigator list",
  INTERNAL: "Internal do-not-call list",
};

/** A registry file: tens of MB for millions of numbers; the whole US registry is out of scope for one upload. */
export const MAX_REGISTRY_BYTES = 128 * 1024 * 1024;

const EARLIEST_DOWNLOAD = Date.UTC(2003, 0, 1);
const DAY_MS = 86_400_000;

/**
 * The fields sent before the file. `downloadedAt` is the day the copy was downloaded from the
 * registry ("YYYY-MM-DD", read as the start of that day in UTC so a copy's age is never
 * understated); empty means the upload's own time.
 */
export const RegistryUploadFields = z.object({
  kind: z.enum(DNC_REGISTRY_KINDS, { error: "Choose a registry" }),
  name: storableText().trim().max(80, "At most 80 characters").optional(),
  downloadedAt: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      const at = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
      if (!match || Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== value) {
        ctx.addIssue({ code: "custom", message: "Enter the download date as YYYY-MM-DD" });
        return z.NEVER;
      }
      if (at > Date.now() + DAY_MS || at < EARLIEST_DOWNLOAD) {
        ctx.addIssue({ code: "custom", message: "The download date cannot be in the future or before 2003" });
        return z.NEVER;
      }
      return new Date(at);
    }),
  fileSize: z.coerce
    .number({ error: "The file size is missing" })
    .int()
    .min(1, "The file is empty")
    .max(MAX_REGISTRY_BYTES, `The file is larger than ${MAX_REGISTRY_BYTES / 1048576} MB`),
});
export type RegistryUploadFields = z.output<typeof RegistryUploadFields>;

/** The registry's name when the admin gives none: one registry per kind unless named. */
export function registryName(kind: DncRegistryKindName, name: string | undefined): string {
  return name?.trim() || DNC_KIND_LABELS[kind];
}

/** Removing a registry with its copy (the gate stops checking it at once). */
export const RemoveRegistryInput = z.object({ registryId: z.string().trim().min(1, "Choose a registry").max(64) });
export type RemoveRegistryInput = z.output<typeof RemoveRegistryInput>;
