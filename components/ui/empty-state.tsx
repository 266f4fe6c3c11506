import * as React from "react";
import type { LucideIcon } from "lucide-react";
import type { LeanIcon } from "./icons";

import { cn } from "@/lib/ui/cn";

type EmptyStateProps = {
  icon?: LucideIcon | LeanIcon;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** A call to action, e.g. a <Button> or <Button asChild><Link/></Button>. */
  action?: React.ReactNode;
  className?: string;
};

function EmptyState({ icon: Icon, title, description, action, className }: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed px-6 py-12 text-center",
        className,
      )}
    >
      {Icon && (
        <div
          data-slot="empty-state-icon"
          className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground"
        >
          <Icon className="size-6" aria-hidden="true" />
        </div>
      )}
      <div className="flex max-w-sm flex-col gap-1">
        <h3 data-slot="empty-state-title" className="text-base font-semibold text-foreground">
          {title}
        </h3>
        {description && (
          <p data-slot="empty-state-description" className="text-sm text-muted-foreground">
            {description}
          </p>
        )}
      </div>
      {action && (
        <div data-slot="empty-state-action" className="mt-2 flex flex-wrap items-center justify-center gap-2">
          {action}
        </div>
      )}
    </div>
  );
}

export { EmptyState };
export type { EmptyStateProps };
