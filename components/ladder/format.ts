import { joinDelayParts } from "@/lib/ladder/delay";

/** "Mon, Mar 9, 9:00 AM EDT": an instant in the given zone, always labelled with the zone. */
export function formatInZone(at: Date | string | null | undefined, timeZone: string | null | undefined): string {
  if (!at) return "—";
  const date = typeof at === "string" ? new Date(at) : at;
  try {
    return new Intl.DateTimeFormat("en-US", {
      timeZone: timeZone || "UTC",
      weekday: "short",
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
    }).format(date);
  } catch {
    return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  }
}

/** 30 → "30 min", 180 → "3 h", 1440 → "1 d", 90 → "1 h 30 min". */
export function formatDelay(minutes: number): string {
  return minutes === 0 ? "at once" : joinDelayParts(minutes, { day: " d", hour: " h", minute: " min" });
}

export const STEP_STATE_LABELS: Record<string, string> = {
  scheduled: "Scheduled",
  skipped: "Skipped",
  sent: "Sent",
  blocked: "Blocked",
  failed: "Failed",
  task_created: "Call task",
  cancelled: "Cancelled",
};

export function stepStateVariant(state: string): "default" | "secondary" | "outline" | "destructive" | "success" | "warning" {
  if (state === "sent" || state === "task_created") return "success";
  if (state === "blocked" || state === "failed") return "destructive";
  if (state === "skipped" || state === "cancelled") return "warning";
  return "outline";
}
