import { Inngest, Middleware } from "inngest";
import { withRequestId } from "@/lib/observability/request-context";
import { isInngestDevMode } from "@/lib/runtime/executor";

function requestIdOf(ctx: { event?: { data?: unknown } }): string | null {
  const requestId = (ctx.event?.data as { requestId?: unknown } | undefined)?.requestId;
  return typeof requestId === "string" ? requestId : null;
}

/**
 * Runs each function, and each of its steps, under the request id its event carries (the
 * request that wrote the event), so engine runs, events and log lines of that work keep it.
 */
class RequestIdMiddleware extends Middleware.BaseMiddleware {
  readonly id = "request-id";
  override wrapFunctionHandler({ ctx, next }: Middleware.WrapFunctionHandlerArgs) {
    return withRequestId(requestIdOf(ctx), () => next());
  }
  override wrapStepHandler({ ctx, next }: Middleware.WrapStepHandlerArgs) {
    return withRequestId(requestIdOf(ctx), () => next());
  }
}

/**
 * The app's Inngest client. Dev mode (no signatures, a local Dev Server) only with
 * INNGEST_DEV=1, and then /api/inngest answers loopback callers only; otherwise every call
 * that runs a function must be signed with INNGEST_SIGNING_KEY.
 */
export const inngest = new Inngest({
  id: "dealflow",
  isDev: isInngestDevMode(process.env),
  middleware: [RequestIdMiddleware],
});
