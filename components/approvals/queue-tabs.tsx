import Link from "next/link";
import type { ApprovalQueueParams } from "@/lib/approvals/schema";
import { cn } from "@/lib/ui/cn";
import { approvalsHref } from "./queue-url";

const TABS = [
  { status: "PENDING", label: "Pending" },
  { status: "SENT", label: "Sent" },
  { status: "REJECTED", label: "Rejected" },
] as const;

/** Status tabs as links with their counts: each keeps the owner and type filters. */
export function QueueTabs({ params, counts }: { params: ApprovalQueueParams; counts: Record<(typeof TABS)[number]["status"], number> }) {
  return (
    <nav aria-label="Draft status" className="flex gap-1 overflow-x-auto border-b">
      {TABS.map((tab) => {
        const active = params.status === tab.status;
        return (
          <Link
            key={tab.status}
            href={approvalsHref({ ...params, status: tab.status, page: 1 })}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px flex items-center gap-2 whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
              active ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
            )}
          >
            {tab.label}
            <span className="rounded-full bg-muted px-2 text-xs tabular-nums text-foreground" data-testid={`count-${tab.status}`}>{counts[tab.status]}</span>
          </Link>
        );
      })}
    </nav>
  );
}
