import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emailFrameDocument } from "@/lib/outbound/email-view";

const BASE = '<base target="_blank">';

describe("emailFrameDocument", () => {
  it.each([
    ["a head", '<html><head><title>Hi</title></head><body><a href="x">x</a></body></html>', `<html><head>${BASE}<title>Hi</title></head><body><a href="x">x</a></body></html>`],
    ["a head with attributes", '<html lang="en"><HEAD data-x="1"><meta charset="utf-8"></HEAD><body></body></html>', `<html lang="en"><HEAD data-x="1">${BASE}<meta charset="utf-8"></HEAD><body></body></html>`],
    ["no head", "<!doctype html><html><body><p>Hi</p></body></html>", `<!doctype html><html><head>${BASE}</head><body><p>Hi</p></body></html>`],
    ["a fragment", "<p>Hi</p>", `${BASE}<p>Hi</p>`],
    ["a <header>, which is no <head>", "<header>Top</header><p>Hi</p>", `${BASE}<header>Top</header><p>Hi</p>`],
    ["its own base, which comes after ours", '<html><head><base target="_self"></head></html>', `<html><head>${BASE}<base target="_self"></head></html>`],
  ])("opens links in a new tab for %s", (_name, html, expected) => {
    expect(emailFrameDocument(html)).toBe(expected);
  });

  it("only adds the base: removing it gives the email back unchanged", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom("", "<html>", "<html><head>", '<html lang="en"><head>'), (content, opening) => {
        const html = `${opening}${content}`;
        const framed = emailFrameDocument(html);
        const index = framed.indexOf(BASE);
        expect(index).toBeGreaterThanOrEqual(0);
        const without = `${framed.slice(0, index)}${framed.slice(index + BASE.length)}`;
        expect(without === html || without.replace("<head></head>", "") === html).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
