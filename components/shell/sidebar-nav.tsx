"use client";

import { Activity, Ban, BarChart3, Building, Cog, FileUp, Inbox, KanbanSquare, KeyRound, LayoutDashboard, ListOrdered, ScrollText, Send, Settings, ShieldCheck, UserRound, Users } from "@/components/ui/icons";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "./nav";

const ICONS = {
  dashboard: LayoutDashboard, settings: Settings, members: Users, audit: ScrollText, system: Activity,
  deals: Building, imports: FileUp, analytics: BarChart3, policies: ShieldCheck, api: KeyRound,
  engines: Cog,
  outbox: Send, compliance: Ban,
  inbox: Inbox, ladder: ListOrdered, pipeline: KanbanSquare,
  buyers: UserRound,
};

function isActive(pathname: string, href: string, items: NavItem[]) {
  if (pathname === href) return true;
  // The most specific item wins: /settings/members is Members, not Settings.
  const longer = items.some((i) => i.href !== href && i.href.startsWith(href) && pathname.startsWith(i.href));
  return pathname.startsWith(`${href}/`) && !longer;
}

export function SidebarNav({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="grid gap-1">
      {items.map((item) => {
        const Icon = ICONS[item.icon];
        const active = isActive(pathname, item.href, items);
        return (
          <Link
            key={item.href}
            href={item.href}
            onClick={onNavigate}
            aria-current={active ? "page" : undefined}
            // `ui-nav-link` (app/globals.css), highlighted by aria-current: every page carries this list.
            className="ui-nav-link"
          >
            <Icon className="size-4" aria-hidden />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
