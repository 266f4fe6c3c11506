import type { Permission } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  icon: "dashboard" | "settings" | "members" | "audit" | "system" | "deals" | "imports" | "analytics" | "policies" | "api";
  permission: Permission;
}

/** The areas that exist; each shows only to roles holding its permission. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", icon: "dashboard", permission: "dashboard:read" },
  { href: "/deals", label: "Prospects", icon: "deals", permission: "deals:read" },
  { href: "/deals/import", label: "Import CSV", icon: "imports", permission: "deals:import" },
  { href: "/analytics", label: "Analytics", icon: "analytics", permission: "analytics:read" },
  { href: "/policies", label: "Policies", icon: "policies", permission: "policies:read" },
  { href: "/audit", label: "Audit log", icon: "audit", permission: "audit:read" },
  { href: "/settings/members", label: "Members", icon: "members", permission: "members:read" },
  { href: "/settings", label: "Settings", icon: "settings", permission: "tenant:read" },
  { href: "/settings/api", label: "API & integrations", icon: "api", permission: "apikeys:manage" },
  { href: "/system", label: "System status", icon: "system", permission: "system:read" },
];
