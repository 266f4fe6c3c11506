import { registerEventSender } from "@/lib/events/dispatch-runtime";
import { inngest } from "./client";

/**
 * Hands the outbox dispatcher of this process its way out: Inngest's client. Called at server
 * startup (instrumentation) and where the Inngest endpoint is served; calling it again only
 * replaces the sender with the same one.
 */
export function registerInngestSender(): void {
  registerEventSender((events) => inngest.send(events));
}
