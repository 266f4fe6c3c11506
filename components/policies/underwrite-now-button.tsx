"use client";

import { Play } from "lucide-react";
import { useTransition } from "react";
import { underwriteNowAction } from "@/app/(app)/policies/actions";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";

export function UnderwriteNowButton() {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="outline"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await underwriteNowAction(null, {});
          if (!result.ok) return void toast.error(result.error);
          toast.success(
            result.data.underwritten === 0
              ? "No deals were waiting for an offer."
              : `Underwrote ${result.data.underwritten} deal(s)${result.data.alerts ? `, ${result.data.alerts} high-spread alert(s)` : ""}.`,
          );
        })
      }
    >
      <Play className="size-4" aria-hidden /> {pending ? "Underwriting..." : "Run underwriting now"}
    </Button>
  );
}
