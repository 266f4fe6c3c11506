"use client";

import { RotateCcw } from "lucide-react";
import { useTransition } from "react";
import type { DirectAction } from "@/components/forms/action-types";
import { formatDateTime } from "@/components/prospects/format";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";

export interface DeletedDealView {
  id: string;
  address: string;
  status: string;
  deletedAt: Date;
  deletedBy: string;
}

interface DeletedDealsListProps {
  deals: DeletedDealView[];
  timeZone: string;
  restoreDeal: DirectAction<{ dealId: string }, { id: string }>;
}

export function DeletedDealsList({ deals, timeZone, restoreDeal }: DeletedDealsListProps) {
  const [pending, startTransition] = useTransition();
  const restore = (deal: DeletedDealView) =>
    startTransition(async () => {
      const result = await restoreDeal(null, { dealId: deal.id });
      if (result.ok) toast.success(`Restored ${deal.address}`);
      else toast.error(result.error);
    });
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Address</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>{`Deleted (${timeZone})`}</TableHead>
          <TableHead>By</TableHead>
          <TableHead><span className="sr-only">Restore</span></TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {deals.map((deal) => (
          <TableRow key={deal.id} data-testid="deleted-deal">
            <TableCell className="font-medium">{deal.address}</TableCell>
            <TableCell>{deal.status}</TableCell>
            <TableCell className="whitespace-nowrap">{formatDateTime(deal.deletedAt, timeZone)}</TableCell>
            <TableCell>{deal.deletedBy}</TableCell>
            <TableCell className="text-right">
              <Button variant="outline" size="sm" disabled={pending} onClick={() => restore(deal)} aria-label={`Restore ${deal.address}`}>
                <RotateCcw className="size-4" aria-hidden /> Restore
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
