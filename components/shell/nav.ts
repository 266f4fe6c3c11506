import type { Permission } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  icon: "dashboard" | "settings" | "members" | "audit" | "system" | "deals" | "imports" | "analytics" | "policies" | "api" | "engines" | "outbox" | "compliance" | "inbox" | "ladder" | "pipeline" | "buyers" | "approvals" | "laboratory" | "capture" | "map";
  permission: Permission;
}

/** What the client's menus need of an item: the permission stays on the server. */
export type NavLink = Omit<NavItem, "permission">;

export function navLinksOf(items: readonly NavItem[]): NavLink[] {
  return items.map((item) => ({ href: item.href, label: item.label, icon: item.icon }));
}

/** The areas that exist; each shows only to roles holding its permission. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", icon: "dashboard", permission: "dashboard:read" },
  { href: "/deals", label: "Prospects", icon: "deals", permission: "deals:read" },
  { href: "/pipeline", label: "Pipeline", icon: "pipeline", permission: "deals:read" },
  { href: "/inbox", label: "Inbox", icon: "inbox", permission: "tasks:read" },
  { href: "/buyers", label: "Buyers", icon: "buyers", permission: "buyers:read" },
  { href: "/conversations", label: "Conversations", icon: "inbox", permission: "conversations:read" },
  { href: "/campaigns", label: "Campaigns", icon: "outbox", permission: "campaigns:read" },
  { href: "/blasts", label: "Blasts", icon: "outbox", permission: "messages:read" },
  { href: "/mail", label: "Direct mail", icon: "outbox", permission: "mail:send" },
  { href: "/approvals", label: "Approvals", icon: "approvals", permission: "approvals:read" },
  { href: "/govcon", label: "GovCon opportunities", icon: "analytics", permission: "govcon:read" },
  { href: "/govcon/pursuits", label: "Pursuits", icon: "pipeline", permission: "govcon:read" },
  { href: "/deals/import", label: "Import CSV", icon: "imports", permission: "deals:import" },
  { href: "/capture", label: "Capture", icon: "capture", permission: "deals:write" },
  { href: "/market", label: "Market map", icon: "map", permission: "market:read" },
  { href: "/analytics", label: "Analytics", icon: "analytics", permission: "analytics:read" },
  { href: "/policies", label: "Policies", icon: "policies", permission: "policies:read" },
  { href: "/outbox", label: "Outbox", icon: "outbox", permission: "messages:read" },
  { href: "/deliverability", label: "Deliverability", icon: "analytics", permission: "deliverability:read" },
  { href: "/settings/compliance", label: "Compliance", icon: "compliance", permission: "compliance:manage" },
  { href: "/settings/compliance/registries", label: "DNC registries", icon: "compliance", permission: "compliance:manage" },
  { href: "/settings/privacy", label: "Privacy requests", icon: "compliance", permission: "privacy:manage" },
  { href: "/audit", label: "Audit log", icon: "audit", permission: "audit:read" },
  { href: "/settings/members", label: "Members", icon: "members", permission: "members:read" },
  { href: "/settings", label: "Settings", icon: "settings", permission: "tenant:read" },
  { href: "/settings/api", label: "API & integrations", icon: "api", permission: "apikeys:manage" },
  { href: "/settings/integrations", label: "Integrations", icon: "api", permission: "integrations:manage" },
  { href: "/settings/ladder", label: "Follow-up ladder", icon: "ladder", permission: "ladder:manage" },
  { href: "/settings/buyers", label: "Buyer settings", icon: "buyers", permission: "buyers:settings" },
  { href: "/settings/market", label: "Market intel", icon: "analytics", permission: "market:settings" },
  { href: "/settings/scoring", label: "Lead scoring", icon: "analytics", permission: "scoring:fit" },
  { href: "/settings/signals", label: "Signals & drafting", icon: "approvals", permission: "signals:settings" },
  { href: "/settings/govcon", label: "GovCon settings", icon: "settings", permission: "govcon:manage" },
  { href: "/laboratory", label: "Laboratory", icon: "laboratory", permission: "laboratory:read" },
  { href: "/engines", label: "Engines", icon: "engines", permission: "engines:read" },
  { href: "/kpis", label: "KPIs", icon: "analytics", permission: "engines:read" },
  { href: "/system", label: "System status", icon: "system", permission: "system:read" },
];
