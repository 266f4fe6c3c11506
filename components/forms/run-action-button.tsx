"use client";

import type { LucideIcon } from "lucide-react";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/http/result";

interface RunActionButtonProps<T> {
  /** Calls the server action; its refusal or failure is shown as an error toast. */
  run: () => Promise<ActionResult<T>>;
  /** The success toast, worded from what the action did. */
  describe: (data: T) => string;
  icon: LucideIcon;
  label: string;
  pendingLabel: string;
}

/** A button that runs a job on the server now and reports the outcome in a toast. */
export function RunActionButton<T>({ run, describe, icon: Icon, label, pendingLabel }: RunActionButtonProps<T>) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="outline"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await run();
          if (!result.ok) return void toast.error(result.error);
          toast.success(describe(result.data));
        })
      }
    >
      <Icon className="size-4" aria-hidden /> {pending ? pendingLabel : label}
    </Button>
  );
}
