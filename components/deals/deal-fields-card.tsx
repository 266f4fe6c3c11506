import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { DASH, formatCount, formatMoney, formatPercent, humanize } from "@/components/prospects/format";
import type { DealField, DealFieldGroup } from "@/lib/prospects/detail";

function formatValue(field: DealField) {
  const { value, kind } = field;
  if (value === null || value === "") return <span className="text-muted-foreground">{DASH}</span>;
  if (kind === "money") return formatMoney(Number(value));
  if (kind === "percent") return formatPercent(Number(value));
  if (kind === "number") return formatCount(Number(value));
  if (kind === "phone") return <a href={`tel:${value}`} className="underline-offset-2 hover:underline">{value}</a>;
  if (kind === "email") return <a href={`mailto:${value}`} className="underline-offset-2 hover:underline">{value}</a>;
  if (field.name === "propertyType" || field.name === "strategy") return humanize(String(value));
  return withSlashBreaks(String(value));
}

/** Lets a narrow column wrap America/New_York after its slash rather than mid-word. */
function withSlashBreaks(text: string) {
  const parts = text.split("/");
  return parts.flatMap((part, i) => (i < parts.length - 1 ? [`${part}/`, <wbr key={i} />] : [part]));
}

/** Below 60% a parsed value is a guess worth checking by hand. */
function confidenceVariant(confidence: number | null) {
  if (confidence === null) return "outline" as const;
  return confidence >= 0.85 ? ("success" as const) : confidence >= 0.6 ? ("secondary" as const) : ("warning" as const);
}

function Provenance({ field }: { field: DealField }) {
  if (!field.provenance) return <span className="text-xs leading-tight text-muted-foreground">{field.origin}</span>;
  const { confidence, source } = field.provenance;
  const label = confidence === null ? "parsed" : `${Math.round(confidence * 100)}%`;
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button type="button" className="rounded-md focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
          <Badge variant={confidenceVariant(confidence)} className="tabular-nums" aria-label={`Parsed with ${label} confidence from: ${source || "no snippet"}`}>
            {label}
          </Badge>
        </button>
      </TooltipTrigger>
      <TooltipContent className="max-w-xs">
        <p className="font-medium">Read from</p>
        <p className="font-mono whitespace-pre-wrap break-words">{source || "(no snippet recorded)"}</p>
      </TooltipContent>
    </Tooltip>
  );
}

export function DealFieldsCard({ groups }: { groups: DealFieldGroup[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Fields</CardTitle>
        <CardDescription>Each value with where it came from. A percentage is the parser&apos;s confidence: hover it for the text it read.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 sm:grid-cols-2">
        {groups.map((group) => (
          <section key={group.title} className="grid content-start gap-2">
            <h3 className="text-sm font-semibold">{group.title}</h3>
            <dl className="grid gap-1.5">
              {group.fields.map((field) => (
                <div key={field.name} className="grid grid-cols-[6.5rem_minmax(0,1fr)_minmax(0,5.5rem)] items-baseline gap-2 text-sm" data-testid={`field-${field.name}`}>
                  <dt className="text-muted-foreground">{field.label}</dt>
                  <dd className="min-w-0 break-words">{formatValue(field)}</dd>
                  <dd className="text-right"><Provenance field={field} /></dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </CardContent>
    </Card>
  );
}
