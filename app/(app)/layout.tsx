import { Building2 } from "@/components/ui/icons";
import Link from "next/link";
import { loadNotifications, markAllNotificationsRead } from "@/app/actions/notifications";
import { MobileNav } from "@/components/shell/mobile-nav";
import { NAV_ITEMS, navLinksOf } from "@/components/shell/nav";
import { NotificationsMenu } from "@/components/shell/notifications-menu";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { MAIN_CONTENT_ID, SkipLink } from "@/components/shell/skip-link";
import { TenantSwitcher } from "@/components/shell/tenant-switcher";
import { UserMenu } from "@/components/shell/user-menu";
import { can } from "@/lib/auth/permissions";
import { listUserTenants, requirePage } from "@/lib/auth/session";
import { countUnreadNotifications } from "@/lib/notifications/service";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePage("dashboard:read");
  const [tenants, unread] = await Promise.all([listUserTenants(ctx.user.id), countUnreadNotifications(ctx.db, ctx.user.id)]);
  const items = navLinksOf(NAV_ITEMS.filter((item) => can(ctx.role, item.permission)));
  const current = { id: ctx.tenant.id, name: ctx.tenant.name, role: ctx.role };

  return (
    <div className="flex min-h-dvh">
      <SkipLink />
      <aside className="sticky top-0 hidden h-dvh w-64 shrink-0 flex-col gap-4 overflow-y-auto border-r bg-sidebar p-4 md:flex">
        <Link href="/dashboard" className="flex items-center gap-2 px-2 text-base font-semibold">
          <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
            <Building2 className="size-4" aria-hidden />
          </span>
          Dealflow
        </Link>
        <TenantSwitcher current={current} tenants={tenants} />
        <SidebarNav items={items} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/90 px-4 backdrop-blur">
          <MobileNav items={items} tenantName={ctx.tenant.name}>
            {tenants.length > 1 && <TenantSwitcher current={current} tenants={tenants} />}
          </MobileNav>
          <div className="min-w-0 flex-1 truncate text-sm text-muted-foreground md:hidden">{ctx.tenant.name}</div>
          <div className="ml-auto flex items-center gap-1">
            <NotificationsMenu unread={unread} loadItems={loadNotifications} markAllRead={markAllNotificationsRead} />
            <UserMenu name={ctx.user.name} email={ctx.user.email} role={ctx.role} />
          </div>
        </header>
        <main id={MAIN_CONTENT_ID} tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none md:px-8">{children}</main>
      </div>
    </div>
  );
}
