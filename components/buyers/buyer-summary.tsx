import type { BuyerFieldValues } from "@/lib/buyers/form-values";
import { DASH, formatDate, formatMoney, formatPhone } from "@/components/prospects/format";
import { BUYER_FORM_OPTIONS } from "./buyer-form-options";
import { STATUS_LABELS } from "./buyer-format";

export type BuyerSummaryValues = BuyerFieldValues<Date>;

const labelOf = (options: readonly { value: string; label: string }[], value: string) => options.find((o) => o.value === value)?.label ?? value;

function priceRange(min: number | null, max: number | null): string {
  if (min == null && max == null) return "Any price";
  if (min == null) return `Up to ${formatMoney(max)}`;
  if (max == null) return `From ${formatMoney(min)}`;
  return `${formatMoney(min)} to ${formatMoney(max)}`;
}

const REHAB_HINTS: Record<string, string> = { LIGHT: "repairs up to 10% of ARV", MEDIUM: "repairs up to 25% of ARV", HEAVY: "any repairs", ANY: "any repairs" };

/** The buyer and its buy box as text, for the roles that may look but not edit. */
export function BuyerSummary({ buyer, ownerName, timeZone }: { buyer: BuyerSummaryValues; ownerName: string | null; timeZone: string }) {
  const options = BUYER_FORM_OPTIONS;
  const noArea = buyer.markets.length === 0 && buyer.postalCodes.length === 0;
  return (
    <div className="grid gap-6">
      <Section title="Contact">
        <Item label="Company">{buyer.company ?? DASH}</Item>
        <Item label="Phones">{buyer.phones.length ? <List values={buyer.phones.map(formatPhone)} nowrap /> : DASH}</Item>
        <Item label="Emails">{buyer.emails.length ? <List values={buyer.emails} /> : DASH}</Item>
        <Item label="Status">{STATUS_LABELS[buyer.status] ?? buyer.status}</Item>
        <Item label="Owner">{ownerName ?? "Nobody yet"}</Item>
      </Section>
      <Section title="Buy box" note={noArea ? "No markets or postal codes yet, so no deal is matched to this buyer." : null}>
        <Item label="Markets">{buyer.markets.length ? <List values={buyer.markets} /> : DASH}</Item>
        <Item label="ZIP codes and FSAs">{buyer.postalCodes.length ? <List values={buyer.postalCodes} /> : DASH}</Item>
        <Item label="Price">{priceRange(buyer.priceMin, buyer.priceMax)}</Item>
        <Item label="Property types">{buyer.propertyTypes.length ? buyer.propertyTypes.map((t) => labelOf(options.propertyTypes, t)).join(", ") : "Any type"}</Item>
        <Item label="Strategies">{buyer.strategies.length ? buyer.strategies.map((s) => labelOf(options.strategies, s)).join(", ") : "Any strategy"}</Item>
        <Item label="Rehab appetite">{`${labelOf(options.rehabAppetites, buyer.rehabAppetite)} (${REHAB_HINTS[buyer.rehabAppetite] ?? "any repairs"})`}</Item>
        <Item label="Minimum spread">{buyer.minSpread != null ? formatMoney(buyer.minSpread) : "None"}</Item>
      </Section>
      <Section title="Funds and closing">
        <Item label="Proof of funds">{buyer.proofOfFundsAmount != null ? formatMoney(buyer.proofOfFundsAmount) : DASH}</Item>
        <Item label="Verified on">{buyer.proofOfFundsVerifiedAt ? formatDate(buyer.proofOfFundsVerifiedAt, timeZone) : "Not verified"}</Item>
        <Item label="Typical closing">{buyer.closingDays != null ? `${buyer.closingDays} days` : DASH}</Item>
      </Section>
      <Section title="Notes">
        <Item label="Tags">{buyer.tags.length ? buyer.tags.join(", ") : DASH}</Item>
        <Item label="Notes"><span className="whitespace-pre-line">{buyer.notes ?? DASH}</span></Item>
      </Section>
    </div>
  );
}

function Section({ title, note = null, children }: { title: string; note?: string | null; children: React.ReactNode }) {
  return (
    <section className="grid gap-2" aria-label={title}>
      <h3 className="text-sm font-medium">{title}</h3>
      {note && <p className="text-sm text-muted-foreground">{note}</p>}
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">{children}</dl>
    </section>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid min-w-0 gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="break-words text-sm">{children}</dd>
    </div>
  );
}

/** Comma-separated; a phone number never breaks across lines. */
function List({ values, nowrap = false }: { values: string[]; nowrap?: boolean }) {
  return values.map((value, i) => (
    <span key={value}>
      <span className={nowrap ? "whitespace-nowrap" : undefined}>{value}</span>
      {i < values.length - 1 ? ", " : ""}
    </span>
  ));
}
