import { describe, expect, it } from "vitest";
import { outboxHref, parseOutboxQuery } from "@/lib/outbound/outbox-query";

describe("the Outbox page number", () => {
  it("reads a page from 2 on and drops anything else", () => {
    expect(parseOutboxQuery({ page: "3" }).page).toBe(3);
    for (const page of ["1", "0", "-2", "2.5", "x", "", undefined]) expect(parseOutboxQuery({ page }).page).toBeUndefined();
  });

  it("keeps the filters in the page links", () => {
    expect(outboxHref({ ...parseOutboxQuery({ status: "BLOCKED", reason: "consent" }), page: 2 })).toBe("/outbox?status=BLOCKED&reason=consent&page=2");
  });
});
