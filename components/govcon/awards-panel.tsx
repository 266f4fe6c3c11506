/**
 * The incumbent and the largest similar awards of an opportunity (X7), from USAspending or
 * its shipped sample. A server component: the page looks the awards up and passes them in.
 */
import { formatDate, formatMoney } from "@/components/prospects/format";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AwardSummary, AwardsView } from "@/lib/govcon/awards";

const DASH = "—";

/** A USAspending day (YYYY-MM-DD) as "Mar 3, 2026": a calendar day, so no zone applies. */
function day(value: string | null): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}/.test(value)) return value ?? DASH;
  return formatDate(new Date(`${value.slice(0, 10)}T00:00:00Z`), "UTC");
}

function period(award: AwardSummary): string {
  return `${day(award.startDate)} to ${day(award.endDate)}`;
}

function agencyOf(award: AwardSummary): string {
  if (!award.agency) return award.subAgency ?? DASH;
  return award.subAgency && award.subAgency !== award.agency ? `${award.agency} / ${award.subAgency}` : award.agency;
}

function AwardLink({ award }: { award: AwardSummary }) {
  if (!award.url) return <span className="font-mono text-xs">{award.awardId}</span>;
  return (
    <a href={award.url} target="_blank" rel="noopener noreferrer" className="font-mono text-xs underline underline-offset-4">
      {award.awardId}
      <span className="sr-only"> on USAspending.gov (opens in a new tab)</span>
    </a>
  );
}

function Incumbent({ award }: { award: AwardSummary }) {
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      <div className="grid gap-0.5 sm:col-span-2">
        <dt className="text-xs font-medium text-muted-foreground">Recipient</dt>
        <dd className="text-base font-semibold break-words">{award.recipient}</dd>
      </div>
      <div className="grid gap-0.5">
        <dt className="text-xs font-medium text-muted-foreground">Amount</dt>
        <dd className="text-sm">{formatMoney(award.amountDollars)}</dd>
      </div>
      <div className="grid gap-0.5">
        <dt className="text-xs font-medium text-muted-foreground">Period of performance</dt>
        <dd className="text-sm">{period(award)}</dd>
      </div>
      <div className="grid gap-0.5">
        <dt className="text-xs font-medium text-muted-foreground">Agency</dt>
        <dd className="text-sm break-words">{agencyOf(award)}</dd>
      </div>
      <div className="grid gap-0.5">
        <dt className="text-xs font-medium text-muted-foreground">Award</dt>
        <dd className="text-sm"><AwardLink award={award} /></dd>
      </div>
    </dl>
  );
}

function SimilarAwards({ awards }: { awards: AwardSummary[] }) {
  return (
    <Table>
      <TableCaption className="sr-only">The largest awards by the same NAICS code and agency over the last five years</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Recipient</TableHead>
          <TableHead scope="col" className="text-right">Amount</TableHead>
          <TableHead scope="col" className="hidden sm:table-cell">Period</TableHead>
          <TableHead scope="col" className="hidden sm:table-cell">Award</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {awards.map((award) => (
          <TableRow key={award.awardId}>
            <TableCell className="min-w-40 whitespace-normal">
              {award.recipient}
              <span className="block text-xs text-muted-foreground">{agencyOf(award)}</span>
              {/* On a phone the period and the award link go under the recipient, so the table fits. */}
              <span className="mt-1 block text-xs sm:hidden">
                {period(award)} · <AwardLink award={award} />
              </span>
            </TableCell>
            <TableCell className="text-right align-top tabular-nums sm:align-middle">{formatMoney(award.amountDollars)}</TableCell>
            <TableCell className="hidden min-w-36 text-xs whitespace-normal sm:table-cell">{period(award)}</TableCell>
            <TableCell className="hidden sm:table-cell"><AwardLink award={award} /></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function sourceLine(awards: AwardsView): string {
  const from = awards.source === "usaspending" ? "From USAspending.gov" : "From the shipped USAspending sample (set USASPENDING_LIVE=1 for live data)";
  if (!awards.fetchedAt) return from;
  return `${from}, fetched ${formatDate(awards.fetchedAt, "UTC")} (UTC) and kept for 7 days.`;
}

export function AwardsPanel({ awards }: { awards: AwardsView }) {
  const nothingFetched = awards.fetchedAt === null;
  return (
    <Card role="region" aria-labelledby="awards-heading">
      <CardHeader>
        <h2 id="awards-heading" className="leading-none font-semibold">Incumbent and similar awards</h2>
        <CardDescription>{sourceLine(awards)}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        {awards.error && (
          <p role="status" className="rounded-md border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm text-destructive">
            {nothingFetched ? `Could not look up awards. ${awards.error}` : `Could not refresh these awards; showing the ones fetched earlier. ${awards.error}`}
          </p>
        )}
        {!nothingFetched && (
          <>
            <section aria-labelledby="incumbent-heading" className="grid gap-3">
              <h3 id="incumbent-heading" className="text-sm font-semibold">Incumbent</h3>
              {awards.incumbent ? (
                <Incumbent award={awards.incumbent} />
              ) : (
                <p className="text-sm text-muted-foreground">No incumbent found: likely a new requirement. No contract on USAspending names this solicitation.</p>
              )}
            </section>
            <section aria-labelledby="similar-heading" className="grid gap-3">
              <h3 id="similar-heading" className="text-sm font-semibold">Similar awards, last five years</h3>
              {awards.similar.length ? (
                <SimilarAwards awards={awards.similar} />
              ) : (
                <p className="text-sm text-muted-foreground">No awards by this agency under the same NAICS code in the last five years: a first buy here, or one filed under another code.</p>
              )}
            </section>
          </>
        )}
      </CardContent>
    </Card>
  );
}
