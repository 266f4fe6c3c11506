/**
 * What a drafter is given and what it answers: the person's context (who, which deal or buyer,
 * which signals, who sends) and a proposed email with its reasoning and confidence.
 * Client-safe types; the approval page renders both.
 */
import type { DraftingConfig } from "@/lib/signals/settings-schema";
import type { SignalSubject } from "@/lib/signals/types";

/** One counted signal as the reasoning cites it. */
export interface ReasonSignal {
  type: string;
  label: string;
  occurredAt: string;
  /** Points it adds to the score now (one decimal). */
  points: number;
}

export interface DraftReasoning {
  /** One or two sentences: why this person, why now. */
  summary: string;
  signals: ReasonSignal[];
  /** The facts of the deal or buyer the email leans on ("asking $185,000", "buys in TX:Houston"). */
  facts: string[];
}

export interface DraftProposal {
  subject: string;
  /** Keeps {{postal_address}} and {{unsubscribe_link}}: the outbound core fills them in. */
  body: string;
  reasoning: DraftReasoning;
  /** 0-1: how sure the drafter is that this email is right to send now. */
  confidence: number;
}

export interface DraftContext {
  subject: SignalSubject;
  person: { name: string | null; firstName: string | null; email: string; phone: string | null };
  /** The lead's deal, or for a buyer the deal that fits them best (null when none does). */
  deal: {
    id: string;
    address: string;
    city: string | null;
    region: string | null;
    postalCode: string | null;
    status: string;
    askingPrice: number | null;
    arv: number | null;
    mao: number | null;
    spread: number | null;
    strategy: string | null;
    tags: string[];
  } | null;
  buyer: { id: string; name: string; company: string | null; markets: string[]; tier: string; propertyTypes: string[]; priceMin: number | null; priceMax: number | null } | null;
  intent: { score: number; threshold: number; signals: ReasonSignal[] };
  sender: { name: string; firstName: string; phone: string | null; company: string };
  templates: DraftingConfig;
  now: string;
}

/** Drafters sit behind this (lib/providers/drafting): the template drafter, or a language model. */
export interface Drafter {
  /** "template", or "openai:<model>". */
  readonly name: string;
  draft(context: DraftContext): Promise<{ proposal: DraftProposal; prompt: Record<string, unknown> | null }>;
}
