import * as React from "react";

import { cn } from "@/lib/ui/cn";

function Input({ className, type, ...props }: React.ComponentProps<"input">) {
  return (
    <input
      type={type}
      // The look is the `ui-input` class (app/globals.css): a filter bar repeats it per field.
      className={cn("ui-input", className)}
      {...props}
    />
  );
}

export { Input };
