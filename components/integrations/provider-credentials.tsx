"use client";

import { useState, useTransition } from "react";
import type { DirectAction, FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import type { CredentialField, CredentialProvider } from "@/lib/credentials/schema";
import type { ConnectionReport } from "@/lib/providers/connection-test";
import type { CredentialSource } from "@/lib/providers/credentials";

export interface ProviderRow {
  provider: CredentialProvider;
  label: string;
  source: CredentialSource;
  shown: Record<string, string>;
  stored: boolean;
  updatedAt: string | null;
  environmentVariables: string[];
  fields: CredentialField[];
  note?: string;
}

interface ProviderCredentialsListProps {
  providers: ProviderRow[];
  canSave: boolean;
  saveCredential: FormAction<unknown>;
  removeCredential: DirectAction<{ provider: CredentialProvider }, unknown>;
  testConnection: DirectAction<{ provider: CredentialProvider }, ConnectionReport & { source: CredentialSource }>;
}

const SOURCE_BADGES: Record<CredentialSource, { text: string; variant: "success" | "secondary" | "outline" }> = {
  workspace: { text: "Workspace credentials", variant: "success" },
  environment: { text: "Environment", variant: "secondary" },
  local: { text: "Local", variant: "outline" },
};

export function ProviderCredentialsList({ providers, canSave, saveCredential, removeCredential, testConnection }: ProviderCredentialsListProps) {
  const [editing, setEditing] = useState<CredentialProvider | null>(null);
  return (
    <ul className="grid gap-4" aria-label="Providers">
      {providers.map((row) => (
        <li key={row.provider} className="grid gap-3 rounded-lg border p-4" aria-labelledby={`${row.provider}-title`}>
          <ProviderSummary row={row} removeCredential={removeCredential} testConnection={testConnection} onEdit={canSave ? () => setEditing(row.provider) : undefined} />
          {editing === row.provider && <CredentialForm row={row} saveCredential={saveCredential} onDone={() => setEditing(null)} />}
        </li>
      ))}
    </ul>
  );
}

function ProviderSummary({ row, removeCredential, testConnection, onEdit }: {
  row: ProviderRow;
  removeCredential: ProviderCredentialsListProps["removeCredential"];
  testConnection: ProviderCredentialsListProps["testConnection"];
  onEdit?: () => void;
}) {
  const [pending, start] = useTransition();
  const [report, setReport] = useState<(ConnectionReport & { source: CredentialSource }) | null>(null);
  const badge = SOURCE_BADGES[row.source];
  const test = () =>
    start(async () => {
      const result = await testConnection(null, { provider: row.provider });
      if (result.ok) setReport(result.data);
      else toast.error(result.error);
    });
  const remove = () =>
    window.confirm(`Remove ${row.label}'s credentials from this workspace?`) &&
    start(async () => {
      const result = await removeCredential(null, { provider: row.provider });
      if (result.ok) toast.success(result.message ?? "Removed");
      else toast.error(result.error);
    });
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${row.provider}-title`} className="flex flex-wrap items-center gap-2 font-medium">
          {row.label} <Badge variant={badge.variant}>{badge.text}</Badge>
        </h2>
        <div className="flex flex-wrap gap-2">
          {onEdit && <Button variant="outline" size="sm" onClick={onEdit} aria-label={`${row.stored ? "Edit" : "Add"} ${row.label} credentials`}>{row.stored ? "Edit" : "Add"}</Button>}
          {row.source !== "local" && <Button variant="outline" size="sm" disabled={pending} onClick={test} aria-label={`Test connection to ${row.label}`}>{pending ? "Testing..." : "Test connection"}</Button>}
          {row.stored && <Button variant="ghost" size="sm" disabled={pending} onClick={remove} aria-label={`Remove ${row.label} credentials`}>Remove</Button>}
        </div>
      </div>
      {Object.keys(row.shown).length > 0 ? (
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          {row.fields.filter((f) => row.shown[f.name]).map((f) => (
            <div key={f.name} className="contents">
              <dt className="text-muted-foreground">{f.label}</dt>
              <dd className="break-all font-mono text-xs">{row.shown[f.name]}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-sm text-muted-foreground">Not configured. Add this workspace&apos;s credentials, or set {row.environmentVariables.join(", ")} for the whole installation.</p>
      )}
      {row.note && <p className="text-xs text-muted-foreground">{row.note}</p>}
      {row.updatedAt && <p className="text-xs text-muted-foreground">Saved {row.updatedAt}</p>}
      {report && (
        <p role="status" className={report.ok ? "text-sm text-green-700 dark:text-green-400" : "text-sm text-destructive"}>
          {report.ok ? "Connected" : "Failed"}{report.status !== null ? ` (HTTP ${report.status})` : ""}: {report.message}
        </p>
      )}
    </div>
  );
}

function CredentialForm({ row, saveCredential, onDone }: { row: ProviderRow; saveCredential: FormAction<unknown>; onDone: () => void }) {
  const { onSubmit, pending, errors } = useSavingForm(saveCredential, onDone);
  const stored = row.stored ? row.shown : {};
  return (
    <form onSubmit={onSubmit} className="grid max-w-xl gap-4 border-t pt-4" noValidate aria-label={`${row.label} credentials`}>
      <input type="hidden" name="provider" value={row.provider} />
      {row.fields.map((field) => {
        const hint = field.secret && stored[field.name] ? `Stored (${stored[field.name]}). Leave empty to keep it.` : field.hint;
        const common = { id: field.name, name: field.name, ...fieldErrorProps(field.name, errors) };
        return (
          <FormField key={field.name} label={field.label} htmlFor={field.name} error={errors[field.name]} hint={hint} required={field.required && !(field.secret && stored[field.name])}>
            {field.type === "select" ? (
              <NativeSelect {...common} defaultValue={stored[field.name] ?? field.options?.[0]}>
                {field.options?.map((o) => <option key={o} value={o}>{o}</option>)}
              </NativeSelect>
            ) : field.type === "textarea" ? (
              <Textarea {...common} rows={3} defaultValue={stored[field.name] ?? ""} />
            ) : (
              <Input
                {...common}
                type={field.secret ? "password" : field.type === "email" ? "email" : field.type === "url" ? "url" : "text"}
                autoComplete={field.secret ? "new-password" : "off"}
                defaultValue={field.secret ? "" : stored[field.name] ?? ""}
              />
            )}
          </FormField>
        );
      })}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>{pending ? "Saving..." : "Save credentials"}</Button>
        <Button type="button" variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
