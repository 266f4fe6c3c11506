import * as React from "react";
import { Slot as SlotPrimitive } from "radix-ui";
import { cva, type VariantProps } from "class-variance-authority";

import { cn } from "@/lib/ui/cn";

const buttonVariants = cva(
  // The base look is the `ui-button` class (app/globals.css): rows of buttons stay light.
  "ui-button",
  {
    variants: {
      // Each variant and size is one class too (`ui-button-<name>`, app/globals.css).
      variant: {
        default: "ui-button-default",
        destructive: "ui-button-destructive",
        outline: "ui-button-outline",
        secondary: "ui-button-secondary",
        ghost: "ui-button-ghost",
        link: "ui-button-link",
      },
      size: {
        default: "ui-button-md",
        sm: "ui-button-sm",
        lg: "ui-button-lg",
        icon: "ui-button-icon",
      },
    },
    defaultVariants: {
      variant: "default",
      size: "default",
    },
  },
);

function blockClick(event: React.MouseEvent<HTMLElement>) {
  event.preventDefault();
  event.stopPropagation();
}

/**
 * `disabled` is rendered as aria-disabled with clicks blocked rather than the native
 * attribute: a natively disabled button loses focus (to the body) the moment a form starts
 * submitting, so keyboard and screen-reader users lose their place after every Save.
 * Blocking the click also cancels the form's submission by Enter (implicit submission
 * clicks the default button).
 */
function Button({
  className,
  variant,
  size,
  asChild = false,
  disabled,
  onClick,
  ...props
}: React.ComponentProps<"button"> &
  VariantProps<typeof buttonVariants> & {
    asChild?: boolean;
  }) {
  const Comp = asChild ? SlotPrimitive.Slot : "button";

  return (
    // No data-slot, data-variant or data-size: the `ui-button-*` classes say each.
    <Comp
      className={cn(buttonVariants({ variant, size, className }))}
      aria-disabled={disabled || undefined}
      onClick={disabled ? blockClick : onClick}
      {...props}
    />
  );
}

export { Button, buttonVariants };
