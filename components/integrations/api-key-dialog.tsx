"use client";

import { KeyRound } from "lucide-react";
import { useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { API_SCOPES } from "@/lib/apikeys/scopes";
import { fieldErrors } from "@/lib/http/result";

export function ApiKeyDialog({ createApiKey }: { createApiKey: FormAction<{ key: string; name: string }> }) {
  const [open, setOpen] = useState(false);
  const { state, onSubmit, pending } = useFormAction(createApiKey);
  const errors = state && !state.ok ? fieldErrors(state.issues) : {};
  const created = state?.ok ? state.data : null;

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button><KeyRound className="size-4" aria-hidden /> New API key</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New API key</DialogTitle>
          <DialogDescription>Keys act for this workspace only. Give each integration its own key and only the scopes it needs.</DialogDescription>
        </DialogHeader>
        {created ? (
          <div className="grid gap-3">
            <p className="text-sm">Copy the key for <strong>{created.name}</strong> now: it is not shown again.</p>
            <Input readOnly value={created.key} aria-label="API key" onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
            <DialogFooter><Button onClick={() => setOpen(false)}>Done</Button></DialogFooter>
          </div>
        ) : (
          <form onSubmit={onSubmit} className="grid gap-4" noValidate>
            <FormField label="Name" htmlFor="name" error={errors.name} required>
              <Input id="name" name="name" placeholder="e.g. Zapier lead intake" {...fieldErrorProps("name", errors)} />
            </FormField>
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">Scopes</legend>
              {API_SCOPES.map((scope) => (
                <div key={scope} className="flex items-center gap-2">
                  <Checkbox id={`scope-${scope}`} name="scopes" value={scope} defaultChecked={scope.startsWith("deals")} />
                  <Label htmlFor={`scope-${scope}`} className="font-mono text-xs">{scope}</Label>
                </div>
              ))}
              {errors.scopes && <p role="alert" className="text-sm text-destructive">{errors.scopes[0]}</p>}
            </fieldset>
            <div className="grid gap-1">
              <div className="flex items-center gap-2">
                <Checkbox id="bindToUser" name="bindToUser" value="on" aria-invalid={errors.bindToUser ? true : undefined} aria-describedby={errors.bindToUser ? "bindToUser-hint bindToUser-error" : "bindToUser-hint"} />
                <Label htmlFor="bindToUser">Act as me (needed to approve drafts by API)</Label>
              </div>
              <p id="bindToUser-hint" className="text-xs text-muted-foreground">Approvals made with this key are recorded as yours, and stop working if you leave the workspace or lose the right to approve.</p>
              {errors.bindToUser && <p id="bindToUser-error" role="alert" className="text-sm text-destructive">{errors.bindToUser[0]}</p>}
            </div>
            {state && !state.ok && !state.issues?.length && <p role="alert" className="text-sm text-destructive">{state.error}</p>}
            <DialogFooter><Button type="submit" disabled={pending}>{pending ? "Creating..." : "Create key"}</Button></DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
