import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/components/prospects/format";
import type { TenantDb } from "@/lib/db/tenant";
import { dealListsAndQuality } from "@/lib/leadlists/query";
import { QUALITY_LABELS } from "@/lib/quality/labels";
import type { QualityIssue } from "@/lib/quality/types";

/** The deal's data-quality flags, each with its reason in plain words. */
export function QualityFlags({ issues }: { issues: readonly QualityIssue[] }) {
  if (issues.length === 0) return <p className="text-sm text-muted-foreground">No data-quality flags: the numbers and the address look plausible.</p>;
  return (
    <ul className="grid gap-2" aria-label="Data-quality flags">
      {issues.map((issue) => (
        <li key={issue.code} className="grid gap-1 text-sm">
          <span>
            <Badge variant="warning">{QUALITY_LABELS[issue.code]}</Badge>
          </span>
          <span>{issue.reason}</span>
        </li>
      ))}
    </ul>
  );
}

/** The lists a deal arrived on and its data-quality flags: a stacked lead is one several lists repeat. */
export async function DealListsQualityCard({ db, dealId, timeZone }: { db: TenantDb; dealId: string; timeZone: string }) {
  const view = await dealListsAndQuality(db, dealId);
  if (!view) return null;
  const { lists, issues } = view;
  return (
    <Card role="region" aria-labelledby="deal-lists-quality-title">
      <CardHeader>
        <CardTitle id="deal-lists-quality-title">Lists and data quality</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <section className="grid gap-2" aria-labelledby="deal-lists-heading">
          <h3 id="deal-lists-heading" className="text-sm font-medium">
            {lists.length === 0 ? "On no lead list" : `On ${lists.length} lead list${lists.length === 1 ? "" : "s"}`}
            {lists.length >= 2 && <Badge variant="secondary" className="ml-2">Stacked</Badge>}
          </h3>
          {lists.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              It did not come from an import. <Link href="/deals/import" className="underline underline-offset-2">Import a list</Link> to see which leads repeat.
            </p>
          ) : (
            <ul className="grid gap-1 text-sm">
              {lists.map((list) => (
                <li key={list.listId} className="flex flex-wrap justify-between gap-x-2">
                  <span className="break-all">{list.name}</span>
                  <span className="text-xs text-muted-foreground">{formatDate(list.joinedAt, timeZone)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="grid gap-2" aria-labelledby="deal-quality-heading">
          <h3 id="deal-quality-heading" className="text-sm font-medium">Data quality</h3>
          <QualityFlags issues={issues} />
        </section>
      </CardContent>
    </Card>
  );
}
