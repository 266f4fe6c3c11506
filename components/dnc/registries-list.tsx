import { formatDateTime } from "@/components/prospects/format";
import { Badge } from "@/components/ui/badge";
import type { RegistryView } from "@/lib/dnc/registries";
import { DNC_KIND_LABELS } from "@/lib/dnc/schema";
import { RemoveRegistryButton, type RemoveRegistry } from "./remove-registry-button";

const FRESHNESS: Record<RegistryView["freshness"], { label: string; variant: "default" | "secondary" | "destructive" | "outline" }> = {
  none: { label: "No copy", variant: "outline" },
  fresh: { label: "Current", variant: "secondary" },
  ageing: { label: "Renew soon", variant: "default" },
  stale: { label: "Older than 31 days", variant: "destructive" },
};

const ageWords = (days: number) => (days === 0 ? "Downloaded today" : `${days} day${days === 1 ? "" : "s"} old`);
const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

function UploadState({ row }: { row: RegistryView }) {
  if (row.upload.state === "RUNNING") {
    return <span className="text-xs">{`Uploading: ${megabytes(row.upload.bytes)} of ${megabytes(row.upload.totalBytes)}, ${row.upload.numbers.toLocaleString("en-US")} numbers read`}</span>;
  }
  if (row.upload.state === "FAILED") return <span className="text-xs text-destructive">{`Last upload failed: ${row.upload.error ?? "unknown error"}`}</span>;
  return null;
}

/** The tenant's registries: what is loaded, how old, and the last upload's errors; one item a registry, stacked on narrow screens. */
export function RegistriesList({ rows, timeZone, removeRegistry }: { rows: RegistryView[]; timeZone: string; removeRegistry: RemoveRegistry }) {
  return (
    <ul aria-label="Registries" className="grid divide-y">
      {rows.map((row) => (
        <li key={row.id} data-testid="registry-row" data-kind={row.kind} className="grid grid-cols-2 gap-3 py-3 first:pt-0 last:pb-0 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,2fr)_minmax(0,1.5fr)] md:gap-4">
          <div className="col-span-2 min-w-0 md:col-span-1">
            <div className="font-medium [overflow-wrap:anywhere]">{row.name}</div>
            <div className="text-xs text-muted-foreground">{DNC_KIND_LABELS[row.kind]}</div>
          </div>
          <dl className="min-w-0 text-sm md:text-right" data-testid="registry-count">
            <dt className="text-xs text-muted-foreground">Numbers</dt>
            <dd className="tabular-nums">
              {row.numberCount.toLocaleString("en-US")}
              {row.invalidLines > 0 && <span className="block text-xs text-muted-foreground">{`${row.invalidLines.toLocaleString("en-US")} invalid line${row.invalidLines === 1 ? "" : "s"}`}</span>}
            </dd>
          </dl>
          <dl className="min-w-0 text-sm">
            <dt className="text-xs text-muted-foreground">Downloaded</dt>
            <dd>
              {row.downloadedAt ? (
                <>
                  {formatDateTime(new Date(row.downloadedAt), "UTC")}
                  <span className="block text-xs text-muted-foreground">{`${ageWords(row.ageDays ?? 0)}; loaded ${row.loadedAt ? formatDateTime(new Date(row.loadedAt), timeZone) : ""}`}</span>
                </>
              ) : (
                <span className="text-muted-foreground">Never loaded</span>
              )}
            </dd>
          </dl>
          <div className="col-span-2 grid content-start gap-1 md:col-span-1">
            <Badge variant={FRESHNESS[row.freshness].variant} className="w-fit">{FRESHNESS[row.freshness].label}</Badge>
            <UploadState row={row} />
            {row.invalidSamples.length > 0 && (
              <details className="text-xs">
                <summary className="cursor-pointer">Invalid lines</summary>
                <ul className="mt-1 list-disc pl-4">
                  {row.invalidSamples.map((s) => <li key={s.line} className="break-all">{`Line ${s.line}: ${s.text || "(blank)"}`}</li>)}
                </ul>
              </details>
            )}
            {row.upload.state !== "RUNNING" && <RemoveRegistryButton registryId={row.id} name={row.name} dncl={row.kind === "CA_NATIONAL"} removeRegistry={removeRegistry} />}
          </div>
        </li>
      ))}
    </ul>
  );
}
