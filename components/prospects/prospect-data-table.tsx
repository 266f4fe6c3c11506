"use client";

import { FlexRender } from "@tanstack/react-table";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/ui/cn";
import { SortHeader } from "./sort-controls";
import type { ProspectTable } from "./use-prospect-table";

type ProspectHeader = ReturnType<ProspectTable["getHeaderGroups"]>[number]["headers"][number];

interface ProspectDataTableProps {
  table: ProspectTable;
  /** e.g. "EDT", shown in the intake column's header. */
  zoneLabel: string;
  onOpenDeal: (dealId: string) => void;
}

/** The desktop table: sortable headers and one clickable row per deal. */
export function ProspectDataTable({ table, zoneLabel, onOpenDeal }: ProspectDataTableProps) {
  return (
    <div className="hidden md:block">
      {/* Compact type and padding: every column fits 1440 px without scrolling sideways. */}
      <Table className="text-[13px]">
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => <ProspectHead key={header.id} header={header} zoneLabel={zoneLabel} />)}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {table.getRowModel().rows.map((row) => (
            <TableRow
              key={row.id}
              data-testid="prospect-row"
              data-state={row.getIsSelected() ? "selected" : undefined}
              className="cursor-pointer"
              onClick={(event) => {
                // The address is a real link (new tab, keyboard); a click anywhere else opens the deal too.
                if ((event.target as HTMLElement).closest("a,button")) return;
                onOpenDeal(row.id);
              }}
            >
              {row.getVisibleCells().map((cell) => (
                <TableCell key={cell.id} className={cn("px-1.5", cell.column.columnDef.meta?.numeric && "text-right")}>
                  <table.FlexRender cell={cell} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function ProspectHead({ header, zoneLabel }: { header: ProspectHeader; zoneLabel: string }) {
  const meta = header.column.columnDef.meta;
  const sorted = header.column.getIsSorted();
  // The selection column's header is a checkbox, rendered as defined; the others are labels.
  if (typeof header.column.columnDef.header === "function") return <TableHead className="w-8 px-1.5"><FlexRender header={header} /></TableHead>;
  const label = header.column.id === "createdAt" ? `Intake (${zoneLabel})` : String(header.column.columnDef.header ?? header.column.id);
  return (
    // Headers may wrap ("Spread %", "Intake (EST)"): the values below them are the wider part.
    <TableHead className={cn("px-1.5 whitespace-normal", meta?.numeric && "text-right")} aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}>
      {header.column.getCanSort() ? <SortHeader label={label} sorted={sorted} hint={meta?.hint} onToggle={header.column.getToggleSortingHandler()} /> : label}
    </TableHead>
  );
}
