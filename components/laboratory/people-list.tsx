import Link from "next/link";
import type { LabPerson, PersonDrafts } from "@/lib/laboratory/compare";

function href(person: LabPerson) {
  return person.kind === "lead" ? `/deals/${person.id}` : `/buyers/${person.id}`;
}

/** People named in a comparison, each linking to their deal or buyer page. */
export function PeopleList({ people, empty }: { people: (LabPerson | PersonDrafts)[]; empty: string }) {
  if (people.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <ul className="grid gap-1 text-sm">
      {people.map((p) => (
        <li key={p.key} className="flex flex-wrap items-baseline gap-x-2">
          <Link href={href(p)} className="underline-offset-4 hover:underline">{p.name}</Link>
          <span className="text-xs text-muted-foreground">{p.kind === "lead" ? "lead" : "buyer"}</span>
          {"drafts" in p && p.drafts > 1 && <span className="text-xs text-muted-foreground">{p.drafts} drafts</span>}
        </li>
      ))}
    </ul>
  );
}
