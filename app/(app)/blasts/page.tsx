import type { Metadata } from "next";
import Link from "next/link";
import { StateBadge } from "@/components/blasts/blast-progress";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Send } from "@/components/ui/icons";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePage } from "@/lib/auth/session";
import { listBlasts } from "@/lib/blasts/queries";

export const metadata: Metadata = { title: "Blasts" };

/** Recent blasts, newest first, each opening its progress and recipients. */
export default async function BlastsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePage("messages:read");
  const raw = Number((await searchParams).page);
  const page = Number.isInteger(raw) && raw > 1 && raw <= 10_000 ? raw : 1;
  const { blasts, hasMore } = await listBlasts(ctx.db, page);
  const when = (d: Date) => d.toLocaleString("en-US", { timeZone: ctx.tenant.timeZone, dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Blasts</h1>
        <p className="text-sm text-muted-foreground">Deals sent to buyers by SMS and email, newest first. A blast starts from a deal&apos;s Buyers tab.</p>
      </div>
      <Card>
        <CardContent className="grid gap-4">
          {blasts.length === 0 ? (
            <EmptyState icon={Send} title="No blasts yet" description="Open a deal, go to its Buyers tab, check the matched buyers and send the deal to them." />
          ) : (
            <div className="overflow-x-auto">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Deal</TableHead>
                    <TableHead>Status</TableHead>
                    <TableHead>Channels</TableHead>
                    <TableHead className="text-right">Recipients</TableHead>
                    <TableHead>Queued</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {blasts.map((blast) => (
                    <TableRow key={blast.id} data-testid="blast-row">
                      <TableCell className="whitespace-normal"><Link href={`/blasts/${blast.id}`} className="font-medium underline underline-offset-4">{blast.dealLabel}</Link></TableCell>
                      <TableCell><StateBadge state={blast.status} /></TableCell>
                      <TableCell>{blast.channels.map((c) => (c === "EMAIL" ? "Email" : c)).join(", ")}</TableCell>
                      <TableCell className="text-right tabular-nums">{blast.total}</TableCell>
                      <TableCell>{when(blast.createdAt)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {page > 1 || hasMore ? <Pagination page={page} pageCount={hasMore ? page + 1 : page} hrefFor={(p) => (p > 1 ? `/blasts?page=${p}` : "/blasts")} /> : null}
        </CardContent>
      </Card>
    </div>
  );
}
