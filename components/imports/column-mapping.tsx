"use client";

import { NativeSelect } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { assignColumn } from "@/lib/imports/mapping";
import type { FieldMapping, ImportTarget } from "./import-targets";

interface ColumnMappingProps {
  target: ImportTarget;
  headers: string[];
  sample: string[] | undefined;
  mapping: FieldMapping;
  disabled?: boolean;
  onChange(mapping: FieldMapping): void;
}

export function ColumnMapping({ target, headers, sample, mapping, disabled, onChange }: ColumnMappingProps) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Column in your file</TableHead>
          <TableHead className="hidden sm:table-cell">First row</TableHead>
          <TableHead>Imports as</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {headers.map((header, index) => (
          <TableRow key={`${index}-${header}`}>
            <TableCell className="font-medium">{header || <span className="text-muted-foreground">(no name)</span>}</TableCell>
            <TableCell className="hidden max-w-48 truncate text-muted-foreground sm:table-cell">{sample?.[index] ?? ""}</TableCell>
            <TableCell className="w-56">
              <NativeSelect
                aria-label={`Field for column ${header || index + 1}`}
                value={mapping[header] ?? ""}
                disabled={disabled}
                onChange={(event) => onChange(assignColumn(mapping, header, event.currentTarget.value || null, target.multiColumn))}
              >
                <option value="">Don’t import</option>
                {target.fieldGroups.map((group) => (
                  <optgroup key={group.label} label={group.label}>
                    {group.fields.map((f) => (
                      <option key={f.field} value={f.field}>
                        {f.label}
                        {f.required ? " (required)" : ""}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </NativeSelect>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
