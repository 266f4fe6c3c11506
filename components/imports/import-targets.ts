import { BUYER_FIELDS, guessBuyerMapping, MULTI_COLUMN_BUYER_FIELDS } from "@/lib/imports/buyer-fields";
import { COMP_FIELDS, guessCompMapping } from "@/lib/imports/comp-fields";
import { CONSENT_FIELDS, DEAL_FIELDS, guessMapping } from "@/lib/imports/mapping";
import type { ImportKind } from "@/lib/imports/schema";

/** A column's field, whatever the kind of list: the wizard holds either kind's mapping. */
export type FieldMapping = Record<string, string | null>;

export interface TargetField {
  field: string;
  label: string;
  required?: boolean;
}

/** What the wizard needs to know about one kind of list: its fields, how to guess them, its words. */
export interface ImportTarget {
  kind: ImportKind;
  /** "lead" / "buyer": the rows, in sentences. */
  noun: string;
  fieldGroups: readonly { label: string; fields: readonly TargetField[] }[];
  /** Fields several columns may fill together. */
  multiColumn: ReadonlySet<string>;
  guess(headers: readonly string[]): FieldMapping;
  /** What the import skips as a duplicate, in words. */
  dedupedBy: string;
}

// The buy box's fields close the list, from the markets on.
const BUY_BOX_START = BUYER_FIELDS.findIndex((f) => f.field === "markets");

export const IMPORT_TARGETS: Record<ImportKind, ImportTarget> = {
  DEALS: {
    kind: "DEALS",
    noun: "lead",
    fieldGroups: [
      { label: "Deal", fields: DEAL_FIELDS },
      { label: "Consent to be contacted", fields: CONSENT_FIELDS },
    ],
    multiColumn: new Set(),
    guess: guessMapping,
    dedupedBy: "address",
  },
  BUYERS: {
    kind: "BUYERS",
    noun: "buyer",
    fieldGroups: [
      { label: "Buyer", fields: BUYER_FIELDS.slice(0, BUY_BOX_START) },
      { label: "Buy box", fields: BUYER_FIELDS.slice(BUY_BOX_START) },
    ],
    multiColumn: MULTI_COLUMN_BUYER_FIELDS,
    guess: guessBuyerMapping,
    dedupedBy: "phone or email",
  },
  COMPS: {
    kind: "COMPS",
    noun: "sale",
    fieldGroups: [
      { label: "Sale", fields: COMP_FIELDS.filter((f) => ["soldPrice", "soldAt"].includes(f.field)) },
      { label: "Property", fields: COMP_FIELDS.filter((f) => !["soldPrice", "soldAt"].includes(f.field)) },
    ],
    multiColumn: new Set(),
    guess: guessCompMapping,
    dedupedBy: "address and sale date",
  },
};

export function targetFields(target: ImportTarget): TargetField[] {
  return target.fieldGroups.flatMap((group) => group.fields);
}

/** The required fields no column fills yet: what holds the import button back. */
export function unmappedRequired(target: ImportTarget, mapping: FieldMapping): TargetField[] {
  const used = new Set(Object.values(mapping));
  return targetFields(target).filter((f) => f.required && !used.has(f.field));
}

/** `?kind=buyers` preselects a buyer list, `?kind=comps` a sold-comps list; anything else is a lead list. */
export function importKindOf(param: string | string[] | undefined): ImportKind {
  const kind = (Array.isArray(param) ? param[0] : param)?.toLowerCase();
  return kind === "buyers" ? "BUYERS" : kind === "comps" ? "COMPS" : "DEALS";
}
