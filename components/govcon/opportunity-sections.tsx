/** The read-only sections of an opportunity's page: the notice's fields, contacts, fit, history. */
import { formatMoney } from "@/components/prospects/format";
import { SET_ASIDES, type SetAsideCode } from "@/lib/govcon/codes";
import type { OpportunityDetail } from "@/lib/govcon/opportunities";

const DASH = "—";

export interface DateWriter {
  /** A date and time in the workspace zone, labelled with the zone. */
  at: (date: Date | null) => string;
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="text-sm break-words">{children ?? DASH}</dd>
    </div>
  );
}

function setAsideText(code: string | null, description: string | null): string {
  if (!code) return "None (open to all)";
  return `${code}: ${description ?? SET_ASIDES[code as SetAsideCode] ?? "set-aside"}`;
}

/** Every field SAM.gov gave, in the order a bid manager reads them. */
export function NoticeFields({ opportunity, dates, runway }: { opportunity: OpportunityDetail; dates: DateWriter; runway: string | null }) {
  const o = opportunity;
  const place = [o.placeCity, o.placeState, o.placeZip].filter(Boolean).join(", ");
  return (
    <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <Field label="Solicitation number">{o.solicitationNumber}</Field>
      <Field label="Notice id"><span className="font-mono text-xs">{o.noticeId}</span></Field>
      <Field label="Notice type">{o.baseType && o.baseType !== o.noticeType ? `${o.noticeType} (base: ${o.baseType})` : o.noticeType}</Field>
      <Field label="Agency">{o.agencyPath ?? ([o.agency, o.subTier].filter(Boolean).join(" / ") || null)}</Field>
      <Field label="Office">{o.office}</Field>
      <Field label="NAICS">{o.naicsCode}</Field>
      <Field label="PSC">{o.pscCode}</Field>
      <Field label="Set-aside">{setAsideText(o.setAside, o.setAsideDescription)}</Field>
      <Field label="Place of performance">{place || null}</Field>
      <Field label="Posted">{o.postedAt ? dates.at(o.postedAt) : o.postedRaw}</Field>
      <Field label="Response deadline">
        {o.responseDeadline ? (
          <>
            {dates.at(o.responseDeadline)}
            <span className="block text-xs text-muted-foreground">{runway}</span>
          </>
        ) : (o.responseDeadlineRaw ?? "None given")}
      </Field>
      <Field label="Archive date">{o.archiveAt ? dates.at(o.archiveAt) : o.archiveRaw}</Field>
      <Field label="Active on SAM.gov">{o.active ? "Yes" : "No"}</Field>
      {(o.awardAmountDollars !== null || o.awardee) && (
        <>
          <Field label="Award amount">{o.awardAmountDollars !== null ? formatMoney(o.awardAmountDollars) : null}</Field>
          <Field label="Awardee">{o.awardee}</Field>
        </>
      )}
      <Field label="Version">{o.version === 1 ? "Original" : `Amended (version ${o.version})`}</Field>
      <Field label="On SAM.gov">
        {o.uiLink ? <a href={o.uiLink} target="_blank" rel="noreferrer noopener" className="underline underline-offset-4">Open the notice on SAM.gov<span className="sr-only"> (opens in a new tab)</span></a> : null}
      </Field>
    </dl>
  );
}

export function PointsOfContact({ contacts }: { contacts: OpportunityDetail["pointsOfContact"] }) {
  if (contacts.length === 0) return <p className="text-sm text-muted-foreground">The notice names no point of contact.</p>;
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {contacts.map((c, index) => (
        <li key={`${c.email ?? c.fullName ?? ""}-${index}`} className="grid gap-0.5 rounded-md border p-3 text-sm">
          <span className="font-medium">{c.fullName ?? "Unnamed contact"}</span>
          {(c.title || c.type) && <span className="text-muted-foreground">{[c.title, c.type && `${c.type} contact`].filter(Boolean).join(" · ")}</span>}
          {c.email && <a href={`mailto:${c.email}`} className="inline-flex min-h-6 items-center break-all underline underline-offset-4">{c.email}</a>}
          {c.phone && <a href={`tel:${c.phone.replace(/[^\d+]/g, "")}`} className="inline-flex min-h-6 items-center underline underline-offset-4">{c.phone}</a>}
        </li>
      ))}
    </ul>
  );
}

/** The file name at the end of an attachment link, or the link itself. */
function attachmentName(url: string, index: number): string {
  try {
    const last = decodeURIComponent(new URL(url).pathname.split("/").filter(Boolean).at(-1) ?? "");
    return last && last !== "download" ? last : `Attachment ${index + 1}`;
  } catch {
    return `Attachment ${index + 1}`;
  }
}

export function Attachments({ links }: { links: string[] }) {
  if (links.length === 0) return <p className="text-sm text-muted-foreground">No attachments on this notice.</p>;
  return (
    <ul className="grid gap-1 text-sm">
      {links.map((url, index) => (
        <li key={url}>
          <a href={url} target="_blank" rel="noreferrer noopener" className="inline-flex min-h-6 items-center break-all underline underline-offset-4">
            {attachmentName(url, index)}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

const signed = (points: number) => (points > 0 ? `+${points}` : String(points));

export function FitReasons({ score, reasons }: { score: number | null; reasons: OpportunityDetail["fitReasons"] }) {
  if (reasons.length === 0) {
    return <p className="text-sm text-muted-foreground">{score === null ? "Award notices are not scored." : "Not scored yet: the next sync scores it against your GovCon profile."}</p>;
  }
  return (
    <ul className="grid gap-2" aria-label="Fit reasons" data-testid="fit-reasons">
      {reasons.map((reason, index) => (
        <li key={`${reason.code}-${index}`} className="flex items-start justify-between gap-3 text-sm">
          <span>{reason.text}</span>
          <span className={`shrink-0 font-mono tabular-nums ${reason.points < 0 ? "text-destructive" : reason.points > 0 ? "text-success" : "text-muted-foreground"}`}>{signed(reason.points)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Each amendment: when SAM.gov sent it and what changed, before and after. */
export function AmendmentHistory({ versions, dates, firstSeenAt }: { versions: OpportunityDetail["versions"]; dates: DateWriter; firstSeenAt: Date }) {
  return (
    <ol className="grid gap-3" aria-label="Amendment history">
      {versions.map((v) => (
        <li key={v.id} className="grid gap-1 rounded-md border p-3" data-testid="opportunity-version">
          <p className="text-sm font-medium">Version {v.version} · <span className="font-normal text-muted-foreground">{dates.at(v.seenAt)}</span></p>
          {v.changes.length === 0 ? (
            <p className="text-sm text-muted-foreground">Sent again without a change we track.</p>
          ) : (
            <ul className="grid gap-1 text-sm">
              {v.changes.map((change, index) => (
                <li key={`${change.field}-${index}`} className="break-words">
                  <span className="font-medium">{change.field}</span>: <del className="text-muted-foreground">{change.before ?? "none"}</del> → <ins className="no-underline">{change.after ?? "none"}</ins>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
      <li className="rounded-md border border-dashed p-3 text-sm text-muted-foreground">Version 1 · first seen {dates.at(firstSeenAt)}</li>
    </ol>
  );
}
