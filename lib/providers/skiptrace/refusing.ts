import { SkipTraceError, type SkipTracer } from "./types";

/**
 * The laboratory's skip tracer: experiments never call an external provider, so any lookup
 * is a bug, and it fails loudly rather than spending money in shadow.
 */
export const refusingSkipTracer: SkipTracer = {
  name: "refusing",
  costCents: 0,
  async lookup() {
    throw new SkipTraceError("refusing", "Skip tracing is not available here: laboratory runs never call a provider");
  },
};
