import { Inngest } from "inngest";
import { isInngestDevMode } from "@/lib/runtime/executor";

/**
 * The app's Inngest client. Dev mode (no signatures, a local Dev Server) only with
 * INNGEST_DEV=1, and then /api/inngest answers loopback callers only; otherwise every call
 * that runs a function must be signed with INNGEST_SIGNING_KEY.
 */
export const inngest = new Inngest({
  id: "dealflow",
  isDev: isInngestDevMode(process.env),
});
