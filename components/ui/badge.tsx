import * as React from "react";
import { Slot as SlotPrimitive } from "radix-ui";
import { cva, type VariantProps } from "class-variance-authority";

import { cn } from "@/lib/ui/cn";

const badgeVariants = cva(
  // The base look is the `ui-badge` class (app/globals.css): one short class per badge in the HTML.
  "ui-badge",
  {
    variants: {
      // Each tone is one class too (`ui-badge-<variant>`, app/globals.css).
      variant: {
        default: "ui-badge-default",
        secondary: "ui-badge-secondary",
        outline: "ui-badge-outline",
        destructive: "ui-badge-destructive",
        success: "ui-badge-success",
        warning: "ui-badge-warning",
      },
    },
    defaultVariants: {
      variant: "default",
    },
  },
);

function Badge({
  className,
  variant,
  asChild = false,
  ...props
}: React.ComponentProps<"span"> & VariantProps<typeof badgeVariants> & { asChild?: boolean }) {
  const Comp = asChild ? SlotPrimitive.Slot : "span";

  return (
    // No data-slot or data-variant: the classes say both, and a 25-row table repeats each badge.
    <Comp
      className={cn(badgeVariants({ variant }), className)}
      {...props}
    />
  );
}

export { Badge, badgeVariants };
