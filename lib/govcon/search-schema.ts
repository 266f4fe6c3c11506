/**
 * A saved opportunity search: one schema for the "Save this search" form, the edit form,
 * their server actions and POST /api/v1/govcon/searches. Filters come as an object (the API)
 * or as the JSON of one hidden field (the forms). Client-safe.
 */
import { z } from "zod";
import { OpportunityFilters } from "./filters";

export const ALERT_CHANNELS = ["inApp", "email", "discord"] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];
export const ALERT_CHANNEL_LABELS: Record<AlertChannel, string> = { inApp: "In-app", email: "Email", discord: "Discord" };

export const SEARCH_DELIVERIES = ["IMMEDIATE", "DIGEST"] as const;
export type SearchDelivery = (typeof SEARCH_DELIVERIES)[number];
export const SEARCH_DELIVERY_LABELS: Record<SearchDelivery, string> = { IMMEDIATE: "At once, after each sync", DIGEST: "Daily digest" };

const blank = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

/** The forms send the filters as JSON in one field; the API sends the object itself. */
function filtersFromField(value: unknown): unknown {
  if (value === undefined || value === null || value === "") return {};
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export const SavedSearchInput = z.object({
  name: z.string({ error: "Name the search" }).trim().min(1, "Name the search").max(120, "Keep the name under 120 characters"),
  filters: z.preprocess(filtersFromField, OpportunityFilters),
  minFit: z.preprocess(
    blank,
    z.coerce.number({ error: "Enter a whole number from 0 to 100" }).int("Enter a whole number from 0 to 100").min(0, "Between 0 and 100").max(100, "Between 0 and 100").default(0),
  ),
  delivery: z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v) || "IMMEDIATE", z.enum(SEARCH_DELIVERIES, { error: "Choose at once or a daily digest" })),
  // A form's checkboxes send one value or several; none checked sends nothing.
  channels: z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : String(v).split(",")).map((c) => String(c).trim()).filter(Boolean),
    z.array(z.enum(ALERT_CHANNELS, { error: "Choose in-app, email or Discord" })).min(1, "Choose at least one way to be told").transform((list) => [...new Set(list)]),
  ),
  /**
   * API keys not bound to a member: the member the search belongs to. Ignored when the
   * actor is known (a signed-in member, a member's key).
   */
  ownerEmail: z.preprocess(blank, z.email("Enter the member's email address").trim().toLowerCase().max(320).optional()),
});
export type SavedSearchInput = z.infer<typeof SavedSearchInput>;

export const SavedSearchUpdate = SavedSearchInput.extend({ searchId: z.string().trim().min(1).max(64) });
export type SavedSearchUpdate = z.infer<typeof SavedSearchUpdate>;

export const SavedSearchId = z.object({ searchId: z.string().trim().min(1).max(64) });
