"use client";

import { NativeSelect } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { assignColumn, CONSENT_FIELDS, DEAL_FIELDS, type HeaderMapping, type ImportField } from "@/lib/imports/mapping";

interface ColumnMappingProps {
  headers: string[];
  sample: string[] | undefined;
  mapping: HeaderMapping;
  disabled?: boolean;
  onChange(mapping: HeaderMapping): void;
}

export function ColumnMapping({ headers, sample, mapping, disabled, onChange }: ColumnMappingProps) {
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
                onChange={(event) => onChange(assignColumn(mapping, header, (event.currentTarget.value || null) as ImportField | null))}
              >
                <option value="">Don’t import</option>
                <optgroup label="Deal">
                  {DEAL_FIELDS.map((f) => (
                    <option key={f.field} value={f.field}>
                      {f.label}
                      {f.required ? " (required)" : ""}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Consent to be contacted">
                  {CONSENT_FIELDS.map((f) => (
                    <option key={f.field} value={f.field}>
                      {f.label}
                    </option>
                  ))}
                </optgroup>
              </NativeSelect>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
