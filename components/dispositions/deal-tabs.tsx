import Link from "next/link";
import { cn } from "@/lib/ui/cn";

const TABS = [
  { key: "overview", label: "Overview", path: "" },
  { key: "buyers", label: "Buyers", path: "/buyers" },
  { key: "comps", label: "Comps", path: "/comps" },
  { key: "documents", label: "Documents", path: "/documents" },
] as const;

/** The deal's tabs as links (each tab is its own page, so it keeps its URL and loads only its data). */
export function DealTabs({ dealId, active }: { dealId: string; active: (typeof TABS)[number]["key"] }) {
  return (
    <nav aria-label="Deal sections" className="flex gap-1 border-b">
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={`/deals/${dealId}${tab.path}`}
          aria-current={tab.key === active ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            tab.key === active ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
