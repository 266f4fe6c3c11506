"use client";

import { Send } from "lucide-react";
import { useTransition } from "react";
import { sendDigestNowAction } from "@/app/(app)/audit/actions";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";

export function DigestButton() {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="outline"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await sendDigestNowAction(null, {});
          if (!result.ok) return void toast.error(result.error);
          toast.success(
            result.data.skipped
              ? "Today's summary was already sent."
              : `Summary of ${result.data.total} change(s) sent to ${result.data.notified} owner(s) and admin(s).`,
          );
        })
      }
    >
      <Send className="size-4" aria-hidden /> {pending ? "Sending..." : "Send daily summary now"}
    </Button>
  );
}
