"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { DEAL_STATUS_LABELS, DEAL_STATUSES, statusNeedsReason } from "@/lib/deals/rules";
import type { OwnerOption } from "./prospect-filters";

export type BulkKind = "status" | "owner" | "tags" | "ladder" | "doNotContact";

const TITLES: Record<BulkKind, string> = {
  status: "Change status",
  owner: "Assign owner",
  tags: "Add or remove tags",
  ladder: "Start the follow-up ladder",
  doNotContact: "Add to do-not-contact",
};

const DESCRIPTIONS: Record<BulkKind, string> = {
  status: "Each deal moves only where the pipeline allows from its own status; the others are listed with the reason.",
  owner: "The member who works these deals.",
  tags: "Separate tags with commas. Removing a tag a deal does not have leaves it alone.",
  ladder: "Starts the ladder for each lead that has none running.",
  doNotContact: "Lists each lead's phone number and email: no text, email or ladder step reaches them again.",
};

interface BulkActionDialogProps {
  kind: BulkKind | null;
  count: number;
  owners: OwnerOption[];
  pending: boolean;
  /** Errors the server gave, by field name. */
  errors: Record<string, string[]>;
  onSubmit: (kind: BulkKind, values: Record<string, string>) => void;
  onClose: () => void;
}

/** One dialog for every bulk action: the fields that action needs, then Apply. */
export function BulkActionDialog({ kind, count, owners, pending, errors, onSubmit, onClose }: BulkActionDialogProps) {
  const [status, setStatus] = useState<string>("CONTACTED");
  const deals = `${count} selected deal${count === 1 ? "" : "s"}`;
  return (
    <Dialog open={kind !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        {kind && (
          <>
            <DialogHeader>
              <DialogTitle>{TITLES[kind]}</DialogTitle>
              <DialogDescription>{deals}. {DESCRIPTIONS[kind]}</DialogDescription>
            </DialogHeader>
            <form
              className="grid gap-4"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                const values = Object.fromEntries([...new FormData(event.currentTarget)].map(([key, value]) => [key, String(value)]));
                onSubmit(kind, values);
              }}
            >
              {kind === "status" && (
                <>
                  <FormField label="New status" htmlFor="bulk-status" error={errors.to}>
                    <NativeSelect id="bulk-status" name="to" value={status} onChange={(event) => setStatus(event.target.value)} {...fieldErrorProps("to", errors)}>
                      {DEAL_STATUSES.map((value) => <option key={value} value={value}>{DEAL_STATUS_LABELS[value]}</option>)}
                    </NativeSelect>
                  </FormField>
                  <FormField label={statusNeedsReason(status as never) ? "Reason" : "Reason (optional)"} htmlFor="bulk-reason" error={errors.reason} required={statusNeedsReason(status as never)}>
                    <Textarea id="bulk-reason" name="reason" maxLength={500} {...fieldErrorProps("reason", errors)} />
                  </FormField>
                </>
              )}
              {kind === "owner" && (
                <FormField label="Owner" htmlFor="bulk-owner" error={errors.ownerId}>
                  <NativeSelect id="bulk-owner" name="ownerId" defaultValue={owners[0]?.userId ?? ""} {...fieldErrorProps("ownerId", errors)}>
                    {owners.map((owner) => <option key={owner.userId} value={owner.userId}>{owner.name}</option>)}
                    <option value="">No owner</option>
                  </NativeSelect>
                </FormField>
              )}
              {kind === "tags" && (
                <>
                  <FormField label="Add tags" htmlFor="bulk-tags-add" error={errors.add} hint="For example: probate, vacant">
                    <Input id="bulk-tags-add" name="add" maxLength={400} autoComplete="off" {...fieldErrorProps("add", errors)} />
                  </FormField>
                  <FormField label="Remove tags" htmlFor="bulk-tags-remove" error={errors.remove}>
                    <Input id="bulk-tags-remove" name="remove" maxLength={400} autoComplete="off" {...fieldErrorProps("remove", errors)} />
                  </FormField>
                </>
              )}
              {kind === "doNotContact" && (
                <FormField label="Reason" htmlFor="bulk-dnc-reason" error={errors.reason} required>
                  <Input id="bulk-dnc-reason" name="reason" maxLength={500} placeholder="Asked not to be contacted" {...fieldErrorProps("reason", errors)} />
                </FormField>
              )}
              {errors._form && <p className="text-sm text-destructive" role="alert">{errors._form.join(" ")}</p>}
              <DialogFooter>
                <Button type="button" variant="ghost" onClick={onClose}>Cancel</Button>
                <Button type="submit" aria-disabled={pending} onClick={(event) => pending && event.preventDefault()}>
                  {pending ? "Applying…" : `Apply to ${count}`}
                </Button>
              </DialogFooter>
            </form>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
