import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stripQuotedReply } from "@/lib/conversations/quoted-reply";

describe("stripQuotedReply", () => {
  it.each([
    ["Gmail attribution and quote", "Yes, Tuesday works.\n\nOn Mon, Dec 7, 2026 at 9:00 AM Dana <dana@maple.test> wrote:\n> Could we talk this week?\n> Dana", "Yes, Tuesday works."],
    ["attribution wrapped over two lines", "Sounds good\n\nOn Mon, Dec 7, 2026 at 9:00 AM Maple Homes <\noffers@maple.test> wrote:\n> Hi", "Sounds good"],
    ["Outlook original-message separator", "Call me after 5.\r\n\r\n-----Original Message-----\r\nFrom: Maple Homes\r\nSent: Monday\r\nSubject: Your house", "Call me after 5."],
    ["Outlook From/Sent header block", "Not interested for now.\n\nFrom: Maple Homes <offers@maple.test>\nSent: Monday, December 7, 2026 9:00 AM\nTo: Dana\nSubject: Your house\n\nHi Dana", "Not interested for now."],
    ["Outlook bold header block after an underscore rule", "Price is 250k firm\n________________________________\n*From:* Maple Homes\n*Sent:* Monday", "Price is 250k firm"],
    ["signature after the RFC 3676 separator", "I can meet Friday.\n-- \nDana Seller\n555-0100", "I can meet Friday."],
    ["phone signature", "ok\n\nSent from my iPhone", "ok"],
    ["inline answers keep their words and lose the quoted lines", "> What is the asking price?\n250k\n> Any repairs?\nRoof is new", "250k\nRoof is new"],
    ["French attribution", "Oui merci\n\nLe lun. 7 déc. 2026 à 09:00, Maple <o@maple.test> a écrit :\n> Bonjour", "Oui merci"],
    ["a reply that only quotes is kept whole", "> just the quote", "> just the quote"],
    ["plain text is left as it is", "Hello there,\nThe house is still for sale.", "Hello there,\nThe house is still for sale."],
    ["'From:' in a sentence is not a header block", "From: my side, yes.\nLet's talk.", "From: my side, yes.\nLet's talk."],
  ])("%s", (_name, text, expected) => {
    expect(stripQuotedReply(text)).toBe(expected);
  });

  it("never returns more than it was given, and never an empty reply for non-blank text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const reply = stripQuotedReply(text);
        expect(reply.length).toBeLessThanOrEqual(text.length);
        if (text.trim()) expect(reply.trim()).not.toBe("");
      }),
      { numRuns: 300 },
    );
  });

  it("a reply above any quoted history comes back as written", () => {
    const line = fc.stringMatching(/^[A-Za-z0-9 ,.!?]{1,40}$/).filter((s) => s.trim().length > 0 && !/^(on|le|am|el|sent from|from:)/i.test(s.trim()) && !/^-/.test(s.trim()));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), fc.array(line, { maxLength: 5 }), (reply, quoted) => {
        const mail = `${reply.join("\n")}\n\nOn Tue, Dec 8, 2026 at 10:00 AM Maple <o@maple.test> wrote:\n${quoted.map((q) => `> ${q}`).join("\n")}`;
        expect(stripQuotedReply(mail)).toBe(reply.map((l) => l.trimEnd()).join("\n").replace(/\n{3,}/g, "\n\n").trim());
      }),
      { numRuns: 200 },
    );
  });
});
