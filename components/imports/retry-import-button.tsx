"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import type { DirectAction } from "@/components/forms/action-types";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";

export type RetryImportAction = DirectAction<{ jobId: string }, unknown>;

export function RetryImportButton({ jobId, fileName, retryImport }: { jobId: string; fileName: string; retryImport: RetryImportAction }) {
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
          const result = await retryImport(null, { jobId });
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
