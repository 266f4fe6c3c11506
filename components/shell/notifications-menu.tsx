"use client";

import { Bell } from "@/components/ui/icons";
import Link from "next/link";
import { useState, useTransition } from "react";
import type { DirectAction } from "@/components/forms/action-types";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/ui/cn";

export interface NotificationItem {
  id: string;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
  /** The page the notification is about (a GovCon alert's notice), when it has one. */
  href?: string;
}

interface NotificationsMenuProps {
  unread: number;
  loadItems: DirectAction<Record<string, never>, NotificationItem[]>;
  markAllRead: DirectAction<Record<string, never>, unknown>;
}

/** The bell: the unread count comes with the page, the notifications themselves when it opens. */
export function NotificationsMenu({ unread, loadItems, markAllRead }: NotificationsMenuProps) {
  const [pending, startTransition] = useTransition();
  const [items, setItems] = useState<NotificationItem[] | null>(null);
  const [failed, setFailed] = useState(false);
  const load = () =>
    startTransition(async () => {
      const result = await loadItems(null, {});
      setFailed(!result.ok);
      if (result.ok) setItems(result.data);
    });
  return (
    <DropdownMenu onOpenChange={(open) => open && load()}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="relative" aria-label={`Notifications, ${unread} unread`}>
          <Bell className="size-5" />
          {unread > 0 && (
            <span className="absolute right-1 top-1 flex min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-semibold text-destructive-foreground">
              {unread > 9 ? "9+" : unread}
            </span>
          )}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80">
        <DropdownMenuLabel className="flex items-center justify-between">
          Notifications
          {unread > 0 && (
            <Button
              variant="link"
              size="sm"
              className="h-auto p-0 text-xs"
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  await markAllRead(null, {});
                  setItems((current) => current?.map((item) => ({ ...item, read: true })) ?? null);
                })
              }
            >
              Mark all read
            </Button>
          )}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {items === null ? (
          <p className="px-2 py-6 text-center text-sm text-muted-foreground" role="status">
            {failed ? "Notifications could not be loaded. Close and open the menu to try again." : "Loading notifications…"}
          </p>
        ) : items.length === 0 ? (
          <p className="px-2 py-6 text-center text-sm text-muted-foreground">
            Nothing yet. Daily audit summaries and alerts will appear here.
          </p>
        ) : (
          <ul className="max-h-96 overflow-y-auto">
            {items.map((item) => (
              <li key={item.id} className={cn("grid gap-0.5 rounded-sm px-2 py-2 text-sm", !item.read && "bg-accent/60")}>
                {item.href ? (
                  // A menu item, so arrow keys reach it (the menu keeps Tab for leaving).
                  <DropdownMenuItem asChild className="p-0">
                    <Link href={item.href} className="font-medium underline underline-offset-4">{item.title}</Link>
                  </DropdownMenuItem>
                ) : (
                  <span className="font-medium">{item.title}</span>
                )}
                <span className="text-muted-foreground">{item.body}</span>
                <time className="text-xs text-muted-foreground" dateTime={item.createdAt}>
                  {new Date(item.createdAt).toLocaleString()}
                </time>
              </li>
            ))}
          </ul>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
