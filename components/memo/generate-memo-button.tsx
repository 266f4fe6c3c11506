"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { DirectAction } from "@/components/forms/action-types";
import { Button } from "@/components/ui/button";
import { FileUp } from "@/components/ui/icons";
import { toast } from "@/components/ui/toaster";

interface GenerateMemoButtonProps {
  dealId: string;
  generate: DirectAction<{ dealId: string }, { id: string; version: number }>;
  /** "Generate memo" for the first, "Generate a new version" after. */
  label: string;
}

/** Renders a new version of the deal's investor memo on the server, then shows it in the list. */
export function GenerateMemoButton({ dealId, generate, label }: GenerateMemoButtonProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      disabled={pending}
      aria-busy={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await generate(null, { dealId });
          if (!result.ok) return void toast.error(result.error);
          toast.success(`Memo version ${result.data.version} is ready`);
          router.refresh();
        })
      }
    >
      <FileUp className="size-4" aria-hidden /> {pending ? "Generating..." : label}
    </Button>
  );
}
