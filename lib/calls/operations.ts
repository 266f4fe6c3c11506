import type { ApiOperation } from "@/lib/api/openapi";
import { CallIdParams, CallListQuery, LogCallInput, StartCallInput } from "./schema";

/** The v1 operations of the dialer, in the OpenAPI document. */
export const CALL_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/calls",
    summary: "A lead's (dealId) or a buyer's (buyerId) calls, newest first: status, outcome, notes, length, recording URL, and for a refused call its gate and reason",
    scope: "calls:read",
    query: CallListQuery,
  },
  {
    method: "post",
    path: "/api/v1/calls",
    summary:
      "Place a call for the key's member through the gates of a text (opt-out, do-not-contact, do-not-call registries, the lead's calling hours, the daily call cap). Answers { status: BLOCKED, gate, reason } with the refused call recorded and nothing dialled; PLACED (Twilio rings the member's phone, then bridges to the lead; without Twilio the call is recorded for the member to dial and log); or FAILED with Twilio's error. 422 with field phone when Twilio is set up and the member has no phone",
    scope: "calls:write",
    body: StartCallInput,
    idempotent: true,
    creates: true,
  },
  {
    method: "post",
    path: "/api/v1/calls/{callId}/log",
    summary: "Log a call's outcome, notes and length: ends the call, closes the CALL task it was for, and do_not_call opts the number out of calls and texts. 409 when already logged or never placed",
    scope: "calls:write",
    params: CallIdParams,
    body: LogCallInput,
  },
];
