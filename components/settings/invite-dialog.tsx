"use client";

import { Copy, UserPlus } from "lucide-react";
import { useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { fieldErrors } from "@/lib/http/result";

export function InviteDialog({ roles, inviteMember }: { roles: Role[]; inviteMember: FormAction<{ email: string; url: string }> }) {
  const [open, setOpen] = useState(false);
  const { state, onSubmit, pending } = useFormAction(inviteMember);
  const errors = state && !state.ok ? fieldErrors(state.issues) : {};
  const link = state?.ok ? state.data.url : null;

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button><UserPlus className="size-4" aria-hidden /> Invite member</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Invite a member</DialogTitle>
          <DialogDescription>They get a single-use link, valid for 7 days, to set their password and join.</DialogDescription>
        </DialogHeader>
        {link ? (
          <div className="grid gap-3">
            <p className="text-sm">Send this link to <strong>{state?.ok && state.data.email}</strong>. It is shown only once.</p>
            <div className="flex gap-2">
              <Input readOnly value={link} aria-label="Invitation link" onFocus={(e) => e.currentTarget.select()} />
              <Button
                type="button"
                variant="outline"
                size="icon"
                aria-label="Copy link"
                onClick={() => navigator.clipboard?.writeText(link).then(() => toast.success("Link copied"))}
              >
                <Copy className="size-4" />
              </Button>
            </div>
            <DialogFooter>
              <Button type="button" onClick={() => setOpen(false)}>Done</Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={onSubmit} className="grid gap-4" noValidate>
            <FormField label="Email" htmlFor="email" error={errors.email} required>
              <Input id="email" name="email" type="email" autoComplete="off" {...fieldErrorProps("email", errors)} />
            </FormField>
            <FormField label="Role" htmlFor="role" error={errors.role}>
              <NativeSelect id="role" name="role" defaultValue="va" {...fieldErrorProps("role", errors)}>
                {roles.map((role) => (
                  <option key={role} value={role}>{ROLE_LABELS[role]}</option>
                ))}
              </NativeSelect>
            </FormField>
            {state && !state.ok && !state.issues?.length && (
              <p role="alert" className="text-sm text-destructive">{state.error}</p>
            )}
            <DialogFooter>
              <Button type="submit" disabled={pending}>{pending ? "Creating link..." : "Create invitation"}</Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
