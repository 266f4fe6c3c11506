import { Badge } from "@/components/ui/badge";
import type { RecipientState } from "@/lib/blasts/schema";

type Counts = Record<RecipientState, number>;

/** The order and colour of each state in the bar; the legend names each with its count. */
const SEGMENTS: { state: RecipientState; label: string; className: string }[] = [
  { state: "REPLIED", label: "Replied", className: "bg-emerald-700" },
  { state: "DELIVERED", label: "Delivered", className: "bg-emerald-500" },
  { state: "SENT", label: "Sent", className: "bg-sky-600" },
  { state: "BLOCKED", label: "Blocked", className: "bg-amber-500" },
  { state: "FAILED", label: "Failed", className: "bg-red-600" },
  { state: "QUEUED", label: "Queued", className: "bg-muted-foreground/30" },
];

/** How far a blast has gone: a bar of its recipients by state, and the counts in words. */
export function BlastProgress({ counts, total }: { counts: Counts; total: number }) {
  const done = total - counts.QUEUED;
  const percent = total > 0 ? Math.round((done / total) * 100) : 100;
  return (
    <div className="grid gap-3">
      <div
        role="progressbar"
        aria-label="Recipients handled"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} handled (${percent}%)`}
        className="flex h-3 w-full overflow-hidden rounded-full bg-muted"
      >
        {SEGMENTS.map(({ state, className }) =>
          counts[state] > 0 ? <div key={state} className={className} style={{ width: `${(counts[state] / Math.max(total, 1)) * 100}%` }} /> : null,
        )}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Recipients by state">
        {SEGMENTS.map(({ state, label, className }) => (
          <li key={state} className="flex items-center gap-1.5" data-testid={`count-${state}`}>
            <span aria-hidden="true" className={`inline-block size-2.5 rounded-full ${className}`} />
            {`${label}: ${counts[state]}`}
          </li>
        ))}
      </ul>
    </div>
  );
}

const STATE_VARIANT: Record<string, "success" | "secondary" | "outline" | "destructive" | "warning" | "default"> = {
  QUEUED: "outline",
  SENT: "secondary",
  DELIVERED: "success",
  REPLIED: "success",
  BLOCKED: "warning",
  FAILED: "destructive",
  DONE: "success",
  SENDING: "secondary",
  CANCELLED: "outline",
};

/** A recipient's or a blast's state as a badge. */
export function StateBadge({ state }: { state: string }) {
  return <Badge variant={STATE_VARIANT[state] ?? "outline"}>{state.toLowerCase()}</Badge>;
}
