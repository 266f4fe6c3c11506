"use client";

import { Check, ChevronsUpDown } from "@/components/ui/icons";
import { useSession } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toaster";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";

interface TenantOption {
  id: string;
  name: string;
  role: Role;
}

export function TenantSwitcher({ current, tenants }: { current: TenantOption; tenants: TenantOption[] }) {
  const { update } = useSession();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(tenant: TenantOption) {
    if (tenant.id === current.id) return;
    startTransition(async () => {
      const session = await update({ tenantId: tenant.id });
      if (session?.tenantId !== tenant.id) {
        toast.error("You no longer have access to that workspace.");
        return;
      }
      toast.success(`Switched to ${tenant.name}`);
      router.push("/dashboard");
      router.refresh();
    });
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" className="w-full justify-between gap-2" disabled={pending} aria-label="Switch workspace">
          <span className="truncate">{current.name}</span>
          <ChevronsUpDown className="size-4 shrink-0 opacity-60" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-64">
        <DropdownMenuLabel>Workspaces</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {tenants.map((tenant) => (
          <DropdownMenuItem key={tenant.id} onSelect={() => choose(tenant)} className="justify-between">
            <span className="truncate">
              {tenant.name}
              <span className="ml-2 text-xs text-muted-foreground">{ROLE_LABELS[tenant.role]}</span>
            </span>
            {tenant.id === current.id && <Check className="size-4" aria-label="Current" />}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
