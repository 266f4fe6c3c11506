"use client";

import { useSession, signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";

interface WorkspaceOption {
  id: string;
  name: string;
  role: Role;
}

/** The workspaces a user still belongs to; choosing one switches the session to it. */
export function WorkspaceChooser({ workspaces }: { workspaces: WorkspaceOption[] }) {
  const { update } = useSession();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(workspace: WorkspaceOption) {
    startTransition(async () => {
      const session = await update({ tenantId: workspace.id });
      if (session?.tenantId !== workspace.id) {
        toast.error("You no longer have access to that workspace.");
        router.refresh();
        return;
      }
      router.push("/dashboard");
      router.refresh();
    });
  }

  if (workspaces.length === 0) {
    return (
      <div className="grid gap-3">
        <p className="text-sm text-muted-foreground">Ask a workspace admin to invite you again, or sign in with another account.</p>
        <Button variant="outline" onClick={() => signOut({ callbackUrl: "/login" })}>Sign out</Button>
      </div>
    );
  }
  return (
    <ul className="grid gap-2" aria-label="Your workspaces">
      {workspaces.map((workspace) => (
        <li key={workspace.id}>
          <Button variant="outline" className="w-full justify-between" disabled={pending} onClick={() => choose(workspace)}>
            <span className="truncate">{workspace.name}</span>
            <span className="text-xs text-muted-foreground">{ROLE_LABELS[workspace.role]}</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}
