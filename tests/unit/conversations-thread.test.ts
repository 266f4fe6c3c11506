import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conversationsHref, replyDefaults } from "@/lib/conversations/links";
import { ConversationQuery, ReplyInput, ThreadKey } from "@/lib/conversations/schema";
import { compareThreadItems, mergeThreadItems, messageItem, parseThreadKey, threadKeyOf, type ThreadItem } from "@/lib/conversations/thread";
import { parseLenientQuery } from "@/lib/validation/url-query";
import { addressesIn, headerValues, messageIdList, replyHeadersOf } from "@/lib/conversations/email-headers";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 9, minute));
const item = (kind: ThreadItem["kind"], id: string, minute: number, extra: Partial<ThreadItem> = {}): ThreadItem => ({
  kind, id, at: at(minute), channel: kind === "call" ? "CALL" : kind === "mail" ? "MAIL" : "SMS", direction: "OUTBOUND", status: "SENT",
  title: null, body: id, counterpart: null, gate: null, error: null, ...extra,
});

describe("thread merge", () => {
  it("reads oldest first across messages, calls and mail, a tie ordered message, call, mail", () => {
    const merged = mergeThreadItems([item("mail", "m1", 5), item("message", "s2", 9), item("call", "c1", 5), item("message", "s1", 5), item("message", "s0", 1)], 10);
    expect(merged.map((i) => i.id)).toEqual(["s0", "s1", "c1", "m1", "s2"]);
  });

  it("keeps the newest items when there are more than the limit", () => {
    const merged = mergeThreadItems([item("message", "a", 1), item("message", "b", 2), item("call", "c", 3), item("mail", "d", 4)], 2);
    expect(merged.map((i) => i.id)).toEqual(["c", "d"]);
  });

  it("is sorted, bounded by the limit, and the same whatever order the rows came in", () => {
    const arbitraryItem = fc.record({ kind: fc.constantFrom("message", "call", "mail" as const), id: fc.string({ minLength: 1, maxLength: 6 }), minute: fc.integer({ min: 0, max: 59 }) });
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryItem, { selector: (i) => `${i.kind}:${i.id}`, maxLength: 40 }), fc.integer({ min: 1, max: 50 }), (rows, limit) => {
        const items = rows.map((r) => item(r.kind, r.id, r.minute));
        const merged = mergeThreadItems(items, limit);
        expect(merged).toHaveLength(Math.min(limit, items.length));
        for (let i = 1; i < merged.length; i += 1) expect(compareThreadItems(merged[i - 1], merged[i])).toBeLessThan(0);
        expect(mergeThreadItems([...items].reverse(), limit)).toEqual(merged);
        // Nothing left out is newer than what is shown.
        const shown = new Set(merged.map((m) => `${m.kind}:${m.id}`));
        const oldestShown = merged[0];
        for (const other of items) if (!shown.has(`${other.kind}:${other.id}`) && oldestShown) expect(compareThreadItems(other, oldestShown)).toBeLessThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it("names a refused message's gate in words", () => {
    const blocked = messageItem({
      id: "x", channel: "SMS", direction: "OUTBOUND", status: "BLOCKED", subject: null, body: "Hi", toAddress: "+15125550100", fromAddress: null,
      blockedReason: "opted_out", error: null, createdAt: at(0),
    });
    expect(blocked.gate).toEqual({ reason: "opted_out", label: "Opted out" });
    expect(blocked.counterpart).toBe("+15125550100");
  });
});

describe("thread keys", () => {
  it.each([
    ["deal:ckabc123", { kind: "deal", dealId: "ckabc123" }],
    ["buyer:ck_b-1", { kind: "buyer", buyerId: "ck_b-1" }],
    ["deal:", null],
    ["lead:abc", null],
    ["deal:abc;drop", null],
  ])("%s", (key, party) => {
    expect(parseThreadKey(key)).toEqual(party);
    if (party) expect(threadKeyOf(party as never)).toBe(key);
    expect(ThreadKey.safeParse(key).success).toBe(party !== null);
  });
});

describe("list filters from the URL", () => {
  it.each([
    [{}, { page: 1 }],
    [{ owner: "me", market: "Austin", channel: "email", unread: "1", page: "3" }, { owner: "me", market: "Austin", channel: "EMAIL", unread: "1", page: 3 }],
    [{ channel: "FAX", unread: "yes", page: "-2", market: "  " }, { page: 1 }],
    [{ channel: ["call", "sms"], page: "x" }, { page: 1 }],
  ])("%j", (raw, expected) => {
    const parsed = parseLenientQuery(ConversationQuery, raw);
    expect(Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined))).toEqual(expected);
  });

  it("writes only the filters set, and round-trips through the parser", () => {
    expect(conversationsHref({ page: 1 })).toBe("/conversations");
    const query = ConversationQuery.parse({ owner: "u1", channel: "SMS", page: "2" });
    const href = conversationsHref(query, { thread: "deal:abc", limit: 200 });
    expect(href).toBe("/conversations?owner=u1&channel=SMS&page=2&thread=deal%3Aabc&limit=200");
    const back = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(ConversationQuery.parse(back)).toEqual(query);
  });
});

describe("reply input and defaults", () => {
  it("needs a body, and a subject for email", () => {
    expect(ReplyInput.safeParse({ channel: "sms", body: "Hi" }).success).toBe(true);
    expect(ReplyInput.safeParse({ channel: "EMAIL", body: "Hi" }).error?.issues[0].path).toEqual(["subject"]);
    expect(ReplyInput.safeParse({ channel: "SMS", body: "  " }).error?.issues[0].path).toEqual(["body"]);
  });

  it("answers on the channel the contact last wrote on, under Re: the last subject", () => {
    const email = item("message", "e", 1, { channel: "EMAIL", direction: "INBOUND", title: "RE: Your house on Elm" });
    const sms = item("message", "s", 2, { channel: "SMS", direction: "INBOUND" });
    expect(replyDefaults([email])).toEqual({ channel: "EMAIL", subject: "Re: Your house on Elm" });
    expect(replyDefaults([email, sms])).toEqual({ channel: "SMS", subject: "Re: Your house on Elm" });
    expect(replyDefaults([])).toEqual({ channel: "SMS", subject: "" });
  });
});

describe("email threading headers", () => {
  const sendgridHeaders = [
    "Received: by mx0047p1mdw1.sendgrid.net with SMTP id 6WCVv7KAWn Wed, 27 Jul 2016 20:53:06 +0000 (UTC)",
    "MIME-Version: 1.0",
    "From: Dana Seller <dana@maple.test>",
    "Date: Mon, 7 Dec 2026 09:15:00 -0600",
    "Message-ID: <CAKfr4ko=dana@mail.gmail.com>",
    "In-Reply-To: <ckmsg0000000000000000001@app.dealflow.test>",
    "References: <ckmsg0000000000000000000@app.dealflow.test>",
    "\t<ckmsg0000000000000000001@app.dealflow.test>",
    "To: reply+ckmsg0000000000000000001.abcdefabcdefabcd@reply.dealflow.test",
    "Subject: Re: Your house",
    "",
    "body that is not a header: In-Reply-To: <nope@x>",
  ].join("\r\n");

  it("reads folded headers from a raw block, and never the body", () => {
    expect(headerValues(sendgridHeaders, "references")).toEqual(["<ckmsg0000000000000000000@app.dealflow.test> <ckmsg0000000000000000001@app.dealflow.test>"]);
    expect(headerValues(sendgridHeaders, "In-Reply-To")).toEqual(["<ckmsg0000000000000000001@app.dealflow.test>"]);
  });

  it("lists what the mail answers, most direct first, and where it was sent", () => {
    expect(replyHeadersOf({ headers: sendgridHeaders })).toEqual({
      answers: ["<ckmsg0000000000000000001@app.dealflow.test>", "<ckmsg0000000000000000000@app.dealflow.test>"],
      recipients: ["reply+ckmsg0000000000000000001.abcdefabcdefabcd@reply.dealflow.test"],
    });
    expect(messageIdList(["<a@b> <c@d>", "<a@b>"])).toEqual(["<a@b>", "<c@d>"]);
    expect(addressesIn("Dana <Dana@Maple.test>, bob@x.io")).toEqual(["dana@maple.test", "bob@x.io"]);
  });
});
