import type { NextRequest } from "next/server";
import { actOnBuyerPage, getBuyerDealView, recordBuyerPageView } from "@/lib/dispositions/buyer-page";
import { limitBuyerLink } from "@/lib/dispositions/limits";
import { resolveBuyerDealLink, type ResolvedBuyerDealLink } from "@/lib/dispositions/links";
import { BuyerPageAction } from "@/lib/dispositions/schema";
import { HTTP_STATUS, isExpectedError, LimitExceededError } from "@/lib/errors";
import { instrumented } from "@/lib/http/route";
import { fieldErrors, toFieldIssues } from "@/lib/http/result";
import { clientIpRefusal } from "@/lib/ratelimit/limits";
import { dealPage, messagePage, type FormState } from "./html";

export const dynamic = "force-dynamic";

/**
 * The public buyer deal page: no account, nothing of the workspace but its name. Served by a
 * route handler so a revoked or expired link is a real 410, a flood a real 429 and a form
 * error a 422, which a page cannot answer.
 */
function html(body: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers } });
}

function tooMany(error: LimitExceededError): Response {
  return html(messagePage("Too many requests", error.message), 429, { "retry-after": String(error.retryAfterSeconds) });
}

const GONE_TEXT = {
  revoked: "This link was withdrawn by the sender. Ask them for a new one if you are still interested.",
  expired: "This link has expired. Ask the sender for a new one if you are still interested.",
} as const;

/** The link behind the token, or the response that refuses it (429, 404 or 410). */
async function openLink(request: NextRequest, token: string): Promise<ResolvedBuyerDealLink | Response> {
  // Per address first, before any lookup: tokens cannot be guessed at speed.
  const refusal = await clientIpRefusal("publicPage", request.headers);
  if (refusal) return tooMany(refusal);
  const resolved = await resolveBuyerDealLink(token);
  if (!resolved.ok) {
    if (resolved.refusal === "unknown") return html(messagePage("Link not found", "This link is not valid. Check that it was copied in full."), 404);
    return html(messagePage("This link is no longer active", GONE_TEXT[resolved.refusal]), 410);
  }
  try {
    await limitBuyerLink(resolved.value.link.id);
  } catch (error) {
    if (error instanceof LimitExceededError) return tooMany(error);
    throw error;
  }
  return resolved.value;
}

const dealGone = () => html(messagePage("This deal is no longer available", "The sender has taken this deal down."), 410);

export const GET = instrumented("/b/[token]", async (request, { params }) => {
  const { token } = await params;
  const opened = await openLink(request, token);
  if (opened instanceof Response) return opened;
  const view = await getBuyerDealView(opened.db, opened.link);
  if (!view) return dealGone();
  await recordBuyerPageView(opened.db, opened.link);
  const done = request.nextUrl.searchParams.get("done") ?? undefined;
  return html(dealPage(view, token, { done }), 200);
});

export const POST = instrumented("/b/[token]", async (request, { params, requestId }) => {
  const { token } = await params;
  const opened = await openLink(request, token);
  if (opened instanceof Response) return opened;
  const form = await request.formData().catch(() => null);
  const values: Record<string, string> = {};
  for (const [key, value] of form?.entries() ?? []) if (typeof value === "string") values[key] = value;
  const intent = values.intent === "interested" || values.intent === "pass" || values.intent === "offer" ? values.intent : undefined;

  const render = async (state: FormState, status: number) => {
    const view = await getBuyerDealView(opened.db, opened.link);
    return view ? html(dealPage(view, token, state), status) : dealGone();
  };
  const parsed = BuyerPageAction.safeParse(values);
  if (!parsed.success) {
    const errors = fieldErrors(toFieldIssues(parsed.error));
    return render({ intent, values, errors, formError: errors.intent ? "Use one of the buttons on this page." : undefined }, 422);
  }
  try {
    await actOnBuyerPage(opened.db, opened.link, parsed.data, requestId);
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    if (error.code === "not_found") return dealGone();
    return render({ intent, values, formError: error.message }, HTTP_STATUS[error.code]);
  }
  // Post/redirect/get: a reload does not send the form again.
  return new Response(null, { status: 303, headers: { location: `/b/${encodeURIComponent(token)}?done=${parsed.data.intent}`, "cache-control": "no-store" } });
});
