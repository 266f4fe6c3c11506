"use client";

import * as React from "react";
import { Label as LabelPrimitive } from "radix-ui";

import { cn } from "@/lib/ui/cn";

function Label({ className, ...props }: React.ComponentProps<typeof LabelPrimitive.Root>) {
  return (
    <LabelPrimitive.Root
      // The look is the `ui-label` class (app/globals.css).
      className={cn("ui-label", className)}
      {...props}
    />
  );
}

export { Label };
