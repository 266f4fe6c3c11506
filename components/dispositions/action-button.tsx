"use client";

import { useTransition } from "react";
import type { DirectAction } from "@/components/forms/action-types";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";

interface ActionButtonProps<Input, T> {
  action: DirectAction<Input, T>;
  input: Input;
  label: string;
  pendingLabel: string;
  /** The success toast. */
  done: string;
  variant?: "default" | "outline" | "destructive" | "secondary";
  /** Names the button's object for screen readers when several look alike ("Accept offer of Cash Carl"). */
  ariaLabel?: string;
}

/** A button that runs one server action with a fixed input; a refusal shows as an error toast. */
export function ActionButton<Input, T>({ action, input, label, pendingLabel, done, variant = "outline", ariaLabel }: ActionButtonProps<Input, T>) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      size="sm"
      variant={variant}
      disabled={pending}
      aria-label={ariaLabel}
      onClick={() =>
        startTransition(async () => {
          const result = await action(null, input);
          if (!result.ok) return void toast.error(result.error);
          toast.success(done);
        })
      }
    >
      {pending ? pendingLabel : label}
    </Button>
  );
}
