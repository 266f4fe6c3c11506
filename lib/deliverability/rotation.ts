/**
 * SMS template rotation. Carriers fingerprint identical texts sent at volume from one number,
 * so a ladder step or a blast may hold several wordings and the sender rotates them: no two
 * consecutive messages in one carrier stream carry the same text. The app does not know the
 * recipient's carrier, so the stream is the sending number (every message of one number
 * passes through the same carrier filters). Pure.
 */

export interface TemplateVariant {
  /** "ladder:<step>:<index>", "blast:<blastId>:<index>". */
  key: string;
  /** The rendered text, merge fields filled in. */
  body: string;
}

export interface LastInStream {
  /** The body of the last text that left this stream, whatever produced it. */
  lastBody: string | null;
  /** The variant key of the last text of this template family in the stream. */
  lastVariantKey: string | null;
}

/**
 * The variant to send next: the one after the family's last (round robin, so every wording
 * gets its share for the per-variant report), skipping any whose text equals the stream's
 * last text. When every variant reads the same as the last text (a single wording), the
 * round-robin pick is returned: there is nothing else to send.
 */
export function pickVariant<V extends TemplateVariant>(variants: readonly V[], last: LastInStream): V {
  if (variants.length === 0) throw new Error("pickVariant needs at least one variant");
  const lastIndex = last.lastVariantKey ? variants.findIndex((variant) => variant.key === last.lastVariantKey) : -1;
  const start = (lastIndex + 1) % variants.length;
  for (let offset = 0; offset < variants.length; offset++) {
    const candidate = variants[(start + offset) % variants.length]!;
    if (candidate.body !== last.lastBody) return candidate;
  }
  return variants[start]!;
}

/** A template's wordings as variants keyed by their index: the main text is index 0. */
export function variantsOf(prefix: string, bodies: readonly string[]): TemplateVariant[] {
  return bodies.map((body, index) => ({ key: `${prefix}:${index}`, body }));
}

/** The key of a ladder step's variant, and of a blast's. */
export const ladderVariantPrefix = (step: number) => `ladder:${step}`;
export const blastVariantPrefix = (blastId: string) => `blast:${blastId}`;
