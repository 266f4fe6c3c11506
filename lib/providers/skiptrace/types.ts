/**
 * A skip-trace provider finds a property owner's (or a buyer's) phones and emails. The
 * enrichment service (lib/enrichment) decides whether a lookup may be made and what it may
 * fill in; providers only look.
 */
import type { SignalSubject } from "@/lib/signals/types";

export interface SkipTraceAddress {
  street: string | null;
  city: string | null;
  /** Two-letter state or province code. */
  state: string | null;
  zip: string | null;
}

export interface SkipTraceQuery {
  /** The person looked up; the local provider leaves their own record out of its matches. */
  subject: SignalSubject;
  /** The owner's (or buyer's) full name, as the record holds it. */
  name: string | null;
  /** The property's address (a lead) or none (a buyer has no address on file). */
  propertyAddress: SkipTraceAddress | null;
  /** Where the owner gets mail, when the lead's source gave it (a CSV's "Mailing Address" columns). */
  mailingAddress: SkipTraceAddress | null;
}

/** One phone or email found, and where it was found ("deal 12 Oak St (same owner name)", "BatchData"). */
export interface FoundContact {
  value: string;
  source: string;
}

export interface SkipTraceResult {
  phones: FoundContact[];
  emails: FoundContact[];
}

export interface SkipTracer {
  /** Names the provider in EnrichmentCall rows and metrics ("local", "batchdata"). */
  name: string;
  /** What one lookup costs, in cents; counted against the person's monthly budget. */
  costCents: number;
  lookup(person: SkipTraceQuery): Promise<SkipTraceResult>;
}

/** A provider's refusal or failure, with the provider's own message when it gave one. */
export class SkipTraceError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "SkipTraceError";
  }
}
