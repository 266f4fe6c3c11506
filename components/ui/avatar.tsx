"use client";

import * as React from "react";
import { Avatar as AvatarPrimitive } from "radix-ui";

import { cn } from "@/lib/ui/cn";

/** "Jane Q. Doe" -> "JD", "jane@example.com" -> "J", "" -> "?" */
function getInitials(name: string | null | undefined, max = 2): string {
  const words = (name ?? "")
    .replace(/@.*$/, "")
    .split(/[\s._-]+/)
    .filter(Boolean);
  if (words.length === 0) return "?";
  const picked = words.length <= max ? words : [words[0], words[words.length - 1]];
  return picked
    .slice(0, max)
    .map((w) => Array.from(w)[0] ?? "")
    .join("")
    .toUpperCase();
}

function Avatar({ className, ...props }: React.ComponentProps<typeof AvatarPrimitive.Root>) {
  return (
    <AvatarPrimitive.Root
      data-slot="avatar"
      className={cn("relative flex size-8 shrink-0 overflow-hidden rounded-full", className)}
      {...props}
    />
  );
}

function AvatarImage({ className, ...props }: React.ComponentProps<typeof AvatarPrimitive.Image>) {
  return (
    <AvatarPrimitive.Image
      data-slot="avatar-image"
      className={cn("aspect-square size-full object-cover", className)}
      {...props}
    />
  );
}

function AvatarFallback({
  className,
  ...props
}: React.ComponentProps<typeof AvatarPrimitive.Fallback>) {
  return (
    <AvatarPrimitive.Fallback
      data-slot="avatar-fallback"
      className={cn(
        "flex size-full items-center justify-center rounded-full bg-muted text-xs font-medium text-muted-foreground",
        className,
      )}
      {...props}
    />
  );
}

/**
 * Convenience avatar: shows `src` when it loads, otherwise the initials of `name`.
 * The accessible name comes from `name` (image alt / fallback aria-label).
 */
function UserAvatar({
  name,
  src,
  className,
  fallbackClassName,
  ...props
}: Omit<React.ComponentProps<typeof AvatarPrimitive.Root>, "children"> & {
  name: string | null | undefined;
  src?: string | null;
  fallbackClassName?: string;
}) {
  const label = name?.trim() || "Unknown user";
  return (
    <Avatar className={className} {...props}>
      {src ? <AvatarImage src={src} alt={label} /> : null}
      <AvatarFallback className={fallbackClassName} role="img" aria-label={label}>
        <span aria-hidden="true">{getInitials(name)}</span>
      </AvatarFallback>
    </Avatar>
  );
}

export { Avatar, AvatarFallback, AvatarImage, UserAvatar, getInitials };
