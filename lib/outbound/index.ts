/**
 * Outbound messaging (O2): every SMS and email leaves through `sendMessage`, which checks
 * consent, the do-not-contact list, the market policy, the channel, the email footer and
 * the daily cap, in that order, and records the message whatever the outcome.
 */
export { sendMessage, sendKeywordConfirmation, startOfLocalDay } from "./service";
export type { OutboundDeps, SendMessageOptions, SendMessageResult } from "./service";
export { decideOutbound, GATES } from "./gates";
export { BLOCK_REASON_LABELS } from "./labels";
export type { BlockReason, Gate, OutboundDecision, OutboundFacts, OutboundChannel } from "./gates";
export { SendMessageInput } from "./schema";
export { normalizePhone, normalizeEmail, normalizeAddress, isCanadianNumber } from "@/lib/contact/address";
export { parseKeyword, type KeywordMatch } from "./keywords";
export { applyStatusUpdate, receiveInboundSms, applyEmailOptOutEvent } from "./events";
export { addDoNotContact, removeDoNotContact, changeConsent, unsubscribeEmail, listConsents, listDoNotContact } from "./consent";
export { listMessages, simulateDeliveryReceipt, simulateReply } from "./outbox";
