"use client";

import Link from "next/link";
import { useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldErrorProps, type FieldErrors } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import type { OpportunityFilters } from "@/lib/govcon/filters";
import { ALERT_CHANNEL_LABELS, ALERT_CHANNELS, SEARCH_DELIVERIES, SEARCH_DELIVERY_LABELS, type AlertChannel, type SearchDelivery } from "@/lib/govcon/search-schema";
import { describeFilters } from "@/lib/govcon/search-words";

export interface SavedSearchResult {
  id: string;
  name: string;
  matchesNow: number;
}

interface SearchFieldValues {
  name: string;
  minFit: number;
  delivery: SearchDelivery;
  channels: AlertChannel[];
}

/** Name, minimum fit, delivery and channels; the filters travel as JSON in a hidden field. */
function SearchFields({ idPrefix, filters, values, errors }: { idPrefix: string; filters: OpportunityFilters; values: SearchFieldValues; errors: FieldErrors }) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const error = (name: string) => errors[name]?.[0];
  const channelsError = error("channels") ?? Object.entries(errors).find(([path]) => path.startsWith("channels."))?.[1]?.[0];
  const filtersError = Object.entries(errors).find(([path]) => path.startsWith("filters"))?.[1]?.[0];
  return (
    <>
      <input type="hidden" name="filters" value={JSON.stringify(filters)} />
      <p className="rounded-md bg-muted px-3 py-2 text-sm">
        <span className="font-medium">Looks for: </span>
        {describeFilters(filters)}
      </p>
      {filtersError ? <p role="alert" className="text-sm font-medium text-destructive">{filtersError}</p> : null}
      <FormField label="Name" htmlFor={id("name")} error={error("name")} required>
        <Input id={id("name")} name="name" required maxLength={120} defaultValue={values.name} {...fieldErrorProps(id("name"), prefixed(idPrefix, errors, "name"))} />
      </FormField>
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormField label="Minimum fit" htmlFor={id("minFit")} error={error("minFit")} hint="0 to 100; notices scored lower are not alerted.">
          <Input id={id("minFit")} name="minFit" type="number" inputMode="numeric" min={0} max={100} defaultValue={values.minFit} {...fieldErrorProps(id("minFit"), prefixed(idPrefix, errors, "minFit"))} />
        </FormField>
        <FormField label="Tell me" htmlFor={id("delivery")} error={error("delivery")}>
          <NativeSelect id={id("delivery")} name="delivery" defaultValue={values.delivery} {...fieldErrorProps(id("delivery"), prefixed(idPrefix, errors, "delivery"))}>
            {SEARCH_DELIVERIES.map((d) => (
              <option key={d} value={d}>{SEARCH_DELIVERY_LABELS[d]}</option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
      <fieldset className="grid gap-2" aria-describedby={channelsError ? id("channels-error") : undefined}>
        <legend className="mb-1 text-sm font-medium">Where</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {ALERT_CHANNELS.map((channel) => (
            <label key={channel} className="flex min-h-6 items-center gap-2 text-sm">
              <input type="checkbox" name="channels" value={channel} defaultChecked={values.channels.includes(channel)} className="size-4 accent-primary" aria-invalid={channelsError ? true : undefined} />
              {ALERT_CHANNEL_LABELS[channel]}
            </label>
          ))}
        </div>
        {channelsError ? <p id={id("channels-error")} role="alert" className="text-sm font-medium text-destructive">{channelsError}</p> : null}
        <p className="text-sm text-muted-foreground">Email goes to your own address; Discord to the workspace&apos;s channel when one is set on Integrations.</p>
      </fieldset>
    </>
  );
}

/** The error map keyed by the prefixed control id, so aria-describedby points at the shown message. */
function prefixed(idPrefix: string, errors: FieldErrors, name: string): FieldErrors {
  return { [`${idPrefix}-${name}`]: errors[name] };
}

const NEW_SEARCH: SearchFieldValues = { name: "", minFit: 0, delivery: "IMMEDIATE", channels: ["inApp"] };

/**
 * "Save this search" on the opportunities page: saves the filters shown with a name, a
 * minimum fit and how to be told of new and amended matches.
 */
export function SaveSearchForm({ filters, saveSearch }: { filters: OpportunityFilters; saveSearch: FormAction<SavedSearchResult> }) {
  const [open, setOpen] = useState(false);
  const { onSubmit, pending, errors, state } = useSavingForm(saveSearch, () => setOpen(false));
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button variant="outline">Save this search</Button>
        </DialogTrigger>
        <DialogContent className="max-h-[90dvh] overflow-y-auto">
          <DialogHeader>
            <DialogTitle>Save this search</DialogTitle>
            <DialogDescription>Be told when a new or amended notice matches these filters.</DialogDescription>
          </DialogHeader>
          <form onSubmit={onSubmit} className="grid gap-4" noValidate>
            <SearchFields idPrefix="save-search" filters={filters} values={NEW_SEARCH} errors={errors} />
            <Button type="submit" disabled={pending} className="justify-self-start">{pending ? "Saving…" : "Save search"}</Button>
          </form>
        </DialogContent>
      </Dialog>
      {state?.ok ? (
        <p role="status" className="text-sm">
          {`Saved "${state.data.name}". `}
          <Link href="/govcon/searches" className="underline underline-offset-4">See your saved searches</Link>
        </p>
      ) : null}
    </div>
  );
}

export interface EditableSearch extends SearchFieldValues {
  id: string;
  filters: OpportunityFilters;
}

/** Edits a saved search's name, minimum fit and alerts; its filters are changed by saving anew from the opportunities page. */
export function EditSearchDialog({ search, updateSearch }: { search: EditableSearch; updateSearch: FormAction<SavedSearchResult> }) {
  const [open, setOpen] = useState(false);
  const { onSubmit, pending, errors } = useSavingForm(updateSearch, () => setOpen(false));
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`Edit ${search.name}`}>Edit</Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90dvh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{`Edit "${search.name}"`}</DialogTitle>
          <DialogDescription>To change the filters, open the search on Opportunities and save it again.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
          <input type="hidden" name="searchId" value={search.id} />
          <SearchFields idPrefix={`edit-${search.id}`} filters={search.filters} values={search} errors={errors} />
          <Button type="submit" disabled={pending} className="justify-self-start">{pending ? "Saving…" : "Save changes"}</Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
