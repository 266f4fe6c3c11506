"use client";

import { FlexRender } from "@tanstack/react-table";
import { SortHeader } from "./sort-controls";
import type { ProspectTable } from "./use-prospect-table";

type ProspectHeader = ReturnType<ProspectTable["getHeaderGroups"]>[number]["headers"][number];

interface ProspectDataTableProps {
  table: ProspectTable;
  /** e.g. "EDT", shown in the intake column's header. */
  zoneLabel: string;
  onOpenDeal: (dealId: string) => void;
}

/**
 * The deals of one page, each row once: a table from md up, and cards below it, laid out by
 * `.prospect-table` (app/globals.css) from the column id each cell carries as its class.
 */
export function ProspectDataTable({ table, zoneLabel, onOpenDeal }: ProspectDataTableProps) {
  return (
    // Focusable, so a keyboard user can scroll a table wider than the window (axe: scrollable-region-focusable).
    <div tabIndex={0} className="relative w-full overflow-x-auto rounded-md focus-visible:ring-[3px] focus-visible:ring-ring focus-visible:outline-none">
      <table className="prospect-table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => <ProspectHead key={header.id} header={header} zoneLabel={zoneLabel} />)}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              data-testid="prospect-row"
              data-state={row.getIsSelected() ? "selected" : undefined}
              onClick={(event) => {
                // The address is a real link (new tab, keyboard); a click anywhere else opens the deal too.
                if ((event.target as HTMLElement).closest("a,button,input")) return;
                onOpenDeal(row.id);
              }}
            >
              {row.getVisibleCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                const className = [cell.column.id, meta?.numeric && "num", meta?.tone?.(row.original)].filter(Boolean).join(" ");
                return (
                  <td key={cell.id} className={className}>
                    <table.FlexRender cell={cell} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProspectHead({ header, zoneLabel }: { header: ProspectHeader; zoneLabel: string }) {
  const meta = header.column.columnDef.meta;
  const sorted = header.column.getIsSorted();
  // The selection column's header is a checkbox, rendered as defined; the others are labels.
  if (typeof header.column.columnDef.header === "function") return <th className="w-8"><FlexRender header={header} /></th>;
  const label = header.column.id === "createdAt" ? `Intake (${zoneLabel})` : String(header.column.columnDef.header ?? header.column.id);
  return (
    // Headers may wrap ("Spread %", "Intake (EST)"): the values below them are the wider part.
    <th className={meta?.numeric ? "num" : undefined} aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}>
      {header.column.getCanSort() ? <SortHeader label={label} sorted={sorted} hint={meta?.hint} onToggle={header.column.getToggleSortingHandler()} /> : label}
    </th>
  );
}
