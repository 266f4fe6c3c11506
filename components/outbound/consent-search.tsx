import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";

/** Narrows the consent records by address and status through the page's query string. */
export function ConsentSearch({ q, status }: { q: string | undefined; status: "OPTED_IN" | "OPTED_OUT" | undefined }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Search consent records">
      <label className="grid gap-1 text-sm">
        Search
        <Input name="q" defaultValue={q ?? ""} placeholder="+1416 or @example.com" className="w-64" />
      </label>
      <label className="grid gap-1 text-sm">
        Consent
        <NativeSelect name="consent" defaultValue={status ?? ""} containerClassName="w-36">
          <option value="">Any</option>
          <option value="OPTED_IN">Opted in</option>
          <option value="OPTED_OUT">Opted out</option>
        </NativeSelect>
      </label>
      <Button type="submit" variant="outline">Search</Button>
    </form>
  );
}
