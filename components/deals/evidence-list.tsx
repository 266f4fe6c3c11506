import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { StrategyBadge } from "@/components/prospects/deal-badges";
import { DASH, formatDateTime, formatMoney, formatPercent, spreadTone } from "@/components/prospects/format";
import type { OfferEvidenceRow } from "@/lib/prospects/detail";
import { cn } from "@/lib/ui/cn";

/** Evidence JSON is append-only history: older rows may lack newer keys, so read defensively. */
function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);
const str = (value: unknown) => (typeof value === "string" && value ? value : null);

function Pair({ label, children, className }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={cn("tabular-nums", className)}>{children}</dd>
    </div>
  );
}

function EvidenceItem({ evidence, timeZone }: { evidence: OfferEvidenceRow; timeZone: string }) {
  const inputs = record(evidence.inputs);
  const outputs = record(evidence.outputs);
  const terms = record(inputs.terms);
  const spread = num(outputs.spread);
  const multiplier = num(terms.maxArvMultiplier);
  const assumptions = record(evidence.assumptions);
  const comps = record(evidence.comps);
  const compCount = Array.isArray(comps.comps) ? comps.comps.length : null;
  const recommended = evidence.recommendedOffer ?? num(outputs.recommendedOffer);
  return (
    <li className="grid gap-3 rounded-lg border p-3" data-testid="evidence-row">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="font-medium">{formatDateTime(evidence.createdAt, timeZone)}</span>
        <span className="text-xs text-muted-foreground">
          {`Policy ${str(inputs.policyScope) ?? DASH}${evidence.policyVersion ? ` v${evidence.policyVersion}` : ""}`}
        </span>
      </div>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <Pair label="ARV">{formatMoney(num(inputs.arv))}</Pair>
        <Pair label={inputs.repairsAssumedZero ? "Repairs (assumed 0)" : "Repairs"}>{formatMoney(num(inputs.repairs))}</Pair>
        <Pair label="Asking">{formatMoney(num(inputs.askingPrice))}</Pair>
        <Pair label="Terms">
          {multiplier === null ? DASH : `${Math.round(multiplier * 100)}% ARV`}
          {num(terms.feesBuffer) !== null && `, ${formatMoney(num(terms.feesBuffer))} fees`}
        </Pair>
        <Pair label="MAO">{formatMoney(num(outputs.mao))}</Pair>
        {recommended !== null && <Pair label="Recommended offer">{formatMoney(recommended)}{num(assumptions.negotiationMargin) !== null && <span className="block text-xs text-muted-foreground">{`MAO − ${formatMoney(num(assumptions.negotiationMargin))} margin`}</span>}</Pair>}
        <Pair label="Spread" className={cn("font-medium", spreadTone(spread))}>{formatMoney(spread)}</Pair>
        <Pair label="Spread %">{formatPercent(num(outputs.spreadRatio))}</Pair>
        <Pair label="Strategy"><StrategyBadge strategy={str(outputs.strategy)} /></Pair>
      </dl>
      {assumptions.arvSource === "comps" && compCount !== null && (
        <p className="text-xs text-muted-foreground" data-testid="evidence-comps">
          {`ARV from ${compCount} comparable sale${compCount === 1 ? "" : "s"} (${str(comps.confidence) ?? "unknown"} confidence, range ${formatMoney(num(comps.low))} – ${formatMoney(num(comps.high))})`}
        </p>
      )}
      <p className="font-mono text-xs break-all text-muted-foreground">Correlation {evidence.correlationId}</p>
    </li>
  );
}

export function EvidenceList({ evidence, timeZone }: { evidence: OfferEvidenceRow[]; timeZone: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Underwriting evidence</CardTitle>
        <CardDescription>{`Every offer computed for this deal, newest first, with the inputs and policy it used. Times in ${timeZone}.`}</CardDescription>
      </CardHeader>
      <CardContent>
        {evidence.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            Not underwritten yet. Underwriting needs an ARV, an asking price and an enabled offer policy for this deal&apos;s region.
          </p>
        ) : (
          <ol className="grid gap-3">
            {evidence.map((e) => <EvidenceItem key={e.id} evidence={e} timeZone={timeZone} />)}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
