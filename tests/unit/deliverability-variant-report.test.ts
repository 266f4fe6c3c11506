import { describe, expect, it } from "vitest";
import { attributeReplies, describeVariantKey } from "@/lib/deliverability/variant-report";

const at = (hours: number) => new Date(Date.UTC(2026, 11, 1) + hours * 3_600_000);

describe("attributeReplies", () => {
  it("credits a reply or a STOP to the last text the number received before it", () => {
    const sent = [
      { variantKey: "ladder:1:0", toAddress: "+1", createdAt: at(0) },
      { variantKey: "ladder:1:1", toAddress: "+2", createdAt: at(0) },
      { variantKey: null, toAddress: "+2", createdAt: at(5) },
      { variantKey: "ladder:1:1", toAddress: "+3", createdAt: at(0) },
    ];
    const inbound = [
      { fromAddress: "+1", body: "Yes", createdAt: at(1) },
      // Answers the one-off text sent after the wording: not the wording's.
      { fromAddress: "+2", body: "Who is this?", createdAt: at(6) },
      { fromAddress: "+3", body: "Stop", createdAt: at(2) },
      // Ten days later: too late to be an answer.
      { fromAddress: "+1", body: "Still interested", createdAt: at(240) },
      // Before anything was sent to it.
      { fromAddress: "+3", body: "Hello?", createdAt: at(-1) },
    ];
    expect(Object.fromEntries(attributeReplies(sent, inbound))).toEqual({ "ladder:1:0": { replies: 1, optOuts: 0 }, "ladder:1:1": { replies: 0, optOuts: 1 } });
  });

  it("names a variant by its template and 1-based wording", () => {
    expect(describeVariantKey("ladder:3:1")).toEqual({ family: "Ladder step 3", wording: 2 });
    expect(describeVariantKey("blast:clx1234567890:0")).toEqual({ family: "Blast 567890", wording: 1 });
  });
});
