import { emptyFields, type FieldName, type FieldProvenance, type ParsedDeal, type ParsedDealFields } from "./types";

/**
 * Collects field values with their provenance. The first value found wins unless a later
 * one is more trustworthy: emails repeat themselves ("ARV 245k" in the subject and again in
 * the body) and the first labeled mention is usually the one the sender meant.
 */
export class FieldBag {
  readonly fields: ParsedDealFields = emptyFields();
  readonly provenance: Partial<Record<FieldName, FieldProvenance>> = {};

  set<K extends FieldName>(name: K, value: ParsedDealFields[K] | null | undefined, confidence: number, source: string): boolean {
    if (value === null || value === undefined) return false;
    if (typeof value === "number" && !Number.isFinite(value)) return false;
    if (typeof value === "string" && value.trim() === "") return false;
    const current = this.provenance[name];
    if (this.fields[name] !== null && current && current.confidence >= confidence) return false;
    this.fields[name] = value;
    this.provenance[name] = { confidence: round2(confidence), source: source.trim() };
    return true;
  }

  has(name: FieldName): boolean {
    return this.fields[name] !== null;
  }

  /** Copies the given fields from another bag where this one has nothing, scaling confidence down. */
  fillFrom(other: FieldBag, names: readonly FieldName[], factor: number): void {
    for (const name of names) {
      const prov = other.provenance[name];
      if (this.has(name) || !other.has(name) || !prov) continue;
      this.set(name, other.fields[name], prov.confidence * factor, prov.source);
    }
  }

  /** Drops a field (used when a later check proves it wrong, e.g. a region that contradicts the postal code). */
  clear(name: FieldName): void {
    this.fields[name] = null;
    delete this.provenance[name];
  }

  toDeal(): ParsedDeal {
    return { fields: { ...this.fields }, provenance: { ...this.provenance } };
  }
}

function round2(n: number): number {
  return Math.max(0, Math.min(1, Math.round(n * 100) / 100));
}
