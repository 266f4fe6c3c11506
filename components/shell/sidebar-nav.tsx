"use client";

import { Activity, Ban, BarChart3, Building, Camera, Cog, FileUp, Inbox, KanbanSquare, FlaskConical, KeyRound, LayoutDashboard, MailCheck, MapIcon, ListOrdered, ScrollText, Send, Settings, ShieldCheck, UserRound, Users } from "@/components/ui/icons";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useSyncExternalStore } from "react";
import type { NavLink } from "./nav";

const ICONS = {
  dashboard: LayoutDashboard, settings: Settings, members: Users, audit: ScrollText, system: Activity,
  deals: Building, imports: FileUp, analytics: BarChart3, policies: ShieldCheck, api: KeyRound,
  engines: Cog,
  outbox: Send, compliance: Ban,
  inbox: Inbox, ladder: ListOrdered, pipeline: KanbanSquare,
  buyers: UserRound, approvals: MailCheck, laboratory: FlaskConical, capture: Camera, map: MapIcon,
};

function isActive(pathname: string, href: string, items: NavLink[]) {
  if (pathname === href) return true;
  // The most specific item wins: /settings/members is Members, not Settings.
  const longer = items.some((i) => i.href !== href && i.href.startsWith(href) && pathname.startsWith(i.href));
  return pathname.startsWith(`${href}/`) && !longer;
}

const subscribeNever = () => () => {};

/**
 * True once the page runs in the browser. The menu's icons are decorative and drawn only
 * then: as inline SVG in the server's HTML they weighed about 7 KB on every page.
 */
function useInBrowser(): boolean {
  return useSyncExternalStore(subscribeNever, () => true, () => false);
}

export function SidebarNav({ items, onNavigate }: { items: NavLink[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const inBrowser = useInBrowser();
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
            {inBrowser ? <Icon className="size-4" aria-hidden /> : <span className="size-4" aria-hidden />}
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
