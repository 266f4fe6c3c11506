"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import type { EditResult } from "@/lib/deals/edit";
import { DealFormFields, type DealFormValues } from "./deal-form-fields";

interface DealEditFormProps {
  dealId: string;
  values: DealFormValues;
  editDeal: FormAction<EditResult>;
}

/** Every field of the deal; an emptied field is cleared. A new price, ARV or repairs re-prices the deal. */
export function DealEditForm({ dealId, values, editDeal }: DealEditFormProps) {
  const router = useRouter();
  const { onSubmit, pending, errors, state } = useSavingForm(editDeal, () => router.push(`/deals/${dealId}`), (formData) => formData.set("dealId", dealId));
  return (
    <form onSubmit={onSubmit} className="grid gap-6" noValidate aria-label="Edit deal">
      <DealFormFields values={values} errors={errors} />
      {state && !state.ok && state.issues?.length ? <p role="alert" className="text-sm font-medium text-destructive">{state.error}</p> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Saving..." : "Save changes"}</Button>
        <Button variant="outline" asChild>
          <Link href={`/deals/${dealId}`}>Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
