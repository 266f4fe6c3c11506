"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { retryImportAction } from "@/app/(app)/deals/import/actions";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";

export function RetryImportButton({ jobId, fileName }: { jobId: string; fileName: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      aria-label={`Retry import of ${fileName}`}
      onClick={() =>
        startTransition(async () => {
          const result = await retryImportAction(null, { jobId });
          if (result.ok) toast.success(result.message ?? "Import restarted");
          else toast.error(result.issues?.[0]?.message ?? result.error);
          router.refresh();
        })
      }
    >
      Retry
    </Button>
  );
}
