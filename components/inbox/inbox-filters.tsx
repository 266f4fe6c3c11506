"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { inboxHref } from "./inbox-url";

interface InboxFiltersProps {
  owner: string;
  market: string;
  assignees: { userId: string; name: string }[];
  markets: string[];
}

/** Owner and market filters; they live in the URL, so a filtered inbox can be bookmarked or shared. */
export function InboxFilters({ owner, market, assignees, markets }: InboxFiltersProps) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const go = (patch: Record<string, string | null>) =>
    startTransition(() => router.push(inboxHref(searchParams.toString(), { ...patch, task: null }), { scroll: false }));

  return (
    <div className="flex flex-wrap items-end gap-3" aria-busy={pending}>
      <div className="grid gap-1">
        <Label htmlFor="inbox-owner">Owner</Label>
        <NativeSelect id="inbox-owner" value={owner} onChange={(e) => go({ owner: e.target.value })} containerClassName="w-48">
          <option value="me">My tasks</option>
          <option value="all">Everyone</option>
          <option value="unassigned">Unassigned</option>
          {assignees.map((a) => <option key={a.userId} value={a.userId}>{a.name}</option>)}
        </NativeSelect>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="inbox-market">Market</Label>
        <NativeSelect id="inbox-market" value={market} onChange={(e) => go({ market: e.target.value || null })} containerClassName="w-48">
          <option value="">All markets</option>
          {markets.map((m) => <option key={m} value={m}>{m}</option>)}
        </NativeSelect>
      </div>
    </div>
  );
}
