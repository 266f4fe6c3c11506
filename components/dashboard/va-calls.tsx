import Link from "next/link";
import { formatPercent } from "@/components/prospects/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export interface CallRow {
  taskId: string;
  href: string;
  street: string | null;
  city: string | null;
  contactName: string | null;
  /** The lead's zone, where "opens at" is read. */
  timeZone: string | null;
  dueAt: string;
  /** For calls outside the lead's hours: when they open, ISO; null when no window is known. */
  opensAt?: string | null;
}

const rowLink = "flex flex-wrap items-center justify-between gap-x-3 gap-y-0.5 rounded-md px-2 py-1.5 hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring focus-visible:outline-none";

function leadTime(iso: string, timeZone: string | null) {
  return new Intl.DateTimeFormat("en-US", { timeZone: timeZone ?? "UTC", weekday: "short", hour: "numeric", minute: "2-digit" }).format(new Date(iso));
}

/** A VA's calls: the ones to make now, or the ones waiting for the lead's calling hours. */
export function CallList({ title, description, calls, empty }: { title: string; description: string; calls: CallRow[]; empty: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        {calls.length === 0 ? (
          <p className="text-sm text-muted-foreground">{empty}</p>
        ) : (
          <ul className="grid gap-0.5 text-sm">
            {calls.map((call) => (
              <li key={call.taskId}>
                <Link href={call.href} className={rowLink}>
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{call.contactName ?? "Unnamed lead"}</span>
                    <span className="block truncate text-xs text-muted-foreground">{[call.street, call.city].filter(Boolean).join(", ")}</span>
                  </span>
                  <span className="text-xs text-muted-foreground">
                    {call.opensAt === undefined
                      ? `due ${leadTime(call.dueAt, call.timeZone)} (lead's time)`
                      : call.opensAt
                        ? `calling hours open ${leadTime(call.opensAt, call.timeZone)} (lead's time)`
                        : "no calling window in the lead's market"}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

/** The VA's own SLA over the last 30 days. */
export function SlaSummary({ sla, href }: { sla: { count: number; completed: number; within30m: number | null; within2h: number | null }; href: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Your SLA</CardTitle>
        <CardDescription>Calls done within 30 minutes and 2 hours of falling due, last 30 days.</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-3 gap-3 text-sm">
          <div><dt className="text-muted-foreground">Within 30 min</dt><dd className="text-xl font-semibold tabular-nums">{formatPercent(sla.within30m)}</dd></div>
          <div><dt className="text-muted-foreground">Within 2 h</dt><dd className="text-xl font-semibold tabular-nums">{formatPercent(sla.within2h)}</dd></div>
          <div><dt className="text-muted-foreground">Done</dt><dd className="text-xl font-semibold tabular-nums">{sla.completed} of {sla.count}</dd></div>
        </dl>
        <p className="mt-3 text-sm"><Link href={href} className="font-medium text-primary underline-offset-4 hover:underline">Open your inbox</Link></p>
      </CardContent>
    </Card>
  );
}
