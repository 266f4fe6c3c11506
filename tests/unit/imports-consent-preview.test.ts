import { describe, expect, it } from "vitest";
import { parseConsentCell, parseConsentDate, rowConsent } from "@/lib/imports/consent";
import { guessMapping } from "@/lib/imports/mapping";
import { checkPreviewRows } from "@/lib/imports/preview";
import { POSTAL_CODE_MESSAGE, validateRow } from "@/lib/imports/rows";
import { StoredImportMapping } from "@/lib/imports/schema";
import { intakeConsentFromFields, intakeConsentRows, IntakeConsentFields } from "@/lib/outbound/intake-consent";

const NOW = new Date("2026-12-01T12:00:00Z");

describe("parseConsentCell", () => {
  it.each(["yes", "YES", " y ", "true", "TRUE", "1", "opted in", "Opt-In"])("reads %j as given", (cell) => {
    expect(parseConsentCell(cell)).toBe(true);
  });
  it.each(["no", "No", "n", "false", "FALSE", "0", "opted out"])("reads %j as refused", (cell) => {
    expect(parseConsentCell(cell)).toBe(false);
  });
  it("reads a blank cell as unstated and anything else as invalid", () => {
    expect(parseConsentCell("")).toBeNull();
    expect(parseConsentCell("   ")).toBeNull();
    expect(parseConsentCell(undefined)).toBeNull();
    expect(parseConsentCell("maybe")).toBe("invalid");
    expect(parseConsentCell("2")).toBe("invalid");
  });
});

describe("parseConsentDate", () => {
  it("reads ISO and US dates", () => {
    expect(parseConsentDate("2026-03-01", NOW)).toEqual(new Date("2026-03-01T00:00:00Z"));
    expect(parseConsentDate("2026-03-01T14:05:00Z", NOW)).toEqual(new Date("2026-03-01T14:05:00Z"));
    expect(parseConsentDate("3/1/2026", NOW)).toEqual(new Date("2026-03-01T00:00:00Z"));
    expect(parseConsentDate("", NOW)).toBeNull();
  });
  it("refuses impossible, future and malformed dates", () => {
    expect(parseConsentDate("2/30/2026", NOW)).toBe("invalid");
    expect(parseConsentDate("2027-01-05", NOW)).toBe("invalid");
    expect(parseConsentDate("last spring", NOW)).toBe("invalid");
  });
});

describe("rowConsent", () => {
  const fallback = { given: "yes" as const, source: "Web form", wording: "I agree to texts." };

  it("takes the cells over the file's default", () => {
    const { consent } = rowConsent({ consentGiven: "no", consentSource: "Door knock" }, fallback, NOW);
    expect(consent).toEqual({ given: false, source: "Door knock", wording: "I agree to texts." });
  });
  it("falls back to the default for a blank cell, and records nothing without either", () => {
    expect(rowConsent({ consentGiven: "" }, fallback, NOW).consent).toEqual({ given: true, source: "Web form", wording: "I agree to texts." });
    expect(rowConsent({ consentGiven: "" }, null, NOW).consent).toBeNull();
    expect(rowConsent({}, null, NOW).consent).toBeNull();
  });
  it("keeps the date and defaults the source to import", () => {
    expect(rowConsent({ consentGiven: "1", consentGivenAt: "2026-02-03" }, null, NOW).consent).toEqual({
      given: true,
      source: "import",
      givenAt: new Date("2026-02-03T00:00:00Z"),
    });
  });
  it("rejects a consent cell that is neither yes nor no, and a bad date", () => {
    const { consent, issues } = rowConsent({ consentGiven: "sure", consentGivenAt: "soon" }, fallback, NOW);
    expect(consent).toBeNull();
    expect(issues.map((i) => i.field)).toEqual(["consentGiven", "consentGivenAt"]);
  });
});

describe("consent columns in the mapping", () => {
  it("guesses the usual consent headers", () => {
    expect(guessMapping(["Address", "SMS Consent", "Consent Source", "Consent Date", "Consent Text"])).toEqual({
      Address: "street",
      "SMS Consent": "consentGiven",
      "Consent Source": "consentSource",
      "Consent Date": "consentGivenAt",
      "Consent Text": "consentWording",
    });
  });
  it("reads a stored mapping with and without a consent default", () => {
    const columns = [{ header: "Address", field: "street" as const }];
    expect(StoredImportMapping.parse(columns)).toEqual({ columns, consentDefault: null });
    expect(StoredImportMapping.parse({ columns, consentDefault: { given: "yes", source: "Web form" } })).toEqual({
      columns,
      consentDefault: { given: "yes", source: "Web form" },
    });
    expect(StoredImportMapping.safeParse({ columns, consentDefault: { given: "yes" } }).success).toBe(false);
  });
});

describe("validateRow", () => {
  const mapping = { Address: "street", Zip: "postalCode", Email: "contactEmail", Consent: "consentGiven" } as const;

  it("rejects a postal code that is neither a ZIP nor a Canadian code", () => {
    const result = validateRow({ Address: "12 Elm St", Zip: "9021", Email: "" }, mapping);
    expect(result).toEqual({ ok: false, issues: [{ field: "postalCode", message: POSTAL_CODE_MESSAGE }] });
    expect(validateRow({ Address: "12 Elm St", Zip: "M5V 2T6" }, mapping).ok).toBe(true);
    expect(validateRow({ Address: "12 Elm St", Zip: "43215-1234" }, mapping).ok).toBe(true);
  });
  it("returns the row's consent with the deal", () => {
    const result = validateRow({ Address: "12 Elm St", Zip: "43215", Consent: "yes" }, mapping);
    expect(result.ok && result.consent).toEqual({ given: true, source: "import" });
  });
});

describe("checkPreviewRows", () => {
  const headers = ["Address", "City", "State", "Zip", "Phone", "Email"];
  const mapping = guessMapping(headers);
  const rows = [
    ["12 Elm St", "Columbus", "OH", "43215", "(614) 555-0101", "a@example.com"],
    ["14 Elm St", "Columbus", "OH", "43215", "614-555-0102", "not-an-email"],
    ["16 Elm St", "Columbus", "OH", "ABCDE", "614 555 0103", ""],
    ["12 ELM STREET", "columbus", "oh", "43215", "614 555 0104", ""],
    ["18 Elm St", "Columbus", "OH", "43215", "+1 614 555 0101", ""],
    ["", "", "", "", "", ""],
  ].map((cells, i) => ({ rowNumber: i + 2, cells }));

  it("flags an invalid email, an invalid postal code and duplicates within the file", () => {
    const checked = checkPreviewRows(headers, rows, mapping, null);
    expect(checked.map((row) => row.rowNumber)).toEqual([2, 3, 4, 5, 6]);
    const byRow = new Map(checked.map((row) => [row.rowNumber, row]));
    expect(byRow.get(2)).toEqual({ rowNumber: 2, issues: [], duplicates: [], consent: null });
    expect(byRow.get(3)!.issues).toEqual([{ field: "contactEmail", message: "Enter a valid email" }]);
    expect(byRow.get(4)!.issues).toEqual([{ field: "postalCode", message: POSTAL_CODE_MESSAGE }]);
    expect(byRow.get(5)!.duplicates).toEqual([{ rowNumber: 2, by: "address", message: "Same address as row 2: skipped as a duplicate" }]);
    expect(byRow.get(6)!.duplicates).toEqual([{ rowNumber: 2, by: "phone", message: "Same phone as row 2" }]);
  });

  it("says what each row records about consent", () => {
    const checked = checkPreviewRows(headers, rows.slice(0, 1), mapping, { given: "yes", source: "Web form" });
    expect(checked[0].consent).toBe("given");
  });
});

describe("intake consent", () => {
  it("turns the form's fields into consent, and requires a source when given", () => {
    const fields = IntakeConsentFields.parse({ consentGiven: "yes", consentSource: "Phone call", consentGivenAt: "2026-03-01", consentWording: "" });
    expect(intakeConsentFromFields(fields)).toEqual({ given: true, source: "Phone call", givenAt: new Date("2026-03-01") });
    expect(intakeConsentFromFields(IntakeConsentFields.parse({ consentGiven: "" }))).toBeNull();
    const missing = IntakeConsentFields.safeParse({ consentGiven: "yes", consentSource: " " });
    expect(missing.success ? [] : missing.error.issues.map((i) => i.path[0])).toEqual(["consentSource"]);
  });
  it("writes one row per channel with a valid address, and none when consent was not given", () => {
    const consent = { given: true, source: "form", wording: "Yes to texts" };
    expect(intakeConsentRows({ phone: "(614) 555-0101", email: " A@Example.com " }, consent)).toEqual([
      { channel: "SMS", address: "+16145550101", status: "OPTED_IN", source: "form", wording: "Yes to texts", givenAt: null, basis: "PRIOR_EXPRESS_WRITTEN", evidence: null },
      { channel: "EMAIL", address: "a@example.com", status: "OPTED_IN", source: "form", wording: "Yes to texts", givenAt: null, basis: "PRIOR_EXPRESS_WRITTEN", evidence: null },
    ]);
    expect(intakeConsentRows({ phone: "12", email: null }, consent)).toEqual([]);
    expect(intakeConsentRows({ phone: "(614) 555-0101" }, { ...consent, given: false })).toEqual([]);
  });

  it("records the basis: written words make it prior express written consent unless another is chosen", () => {
    const phone = { phone: "(614) 555-0101" };
    expect(intakeConsentRows(phone, { given: true, source: "call" })[0]).toMatchObject({ basis: "NONE" });
    expect(intakeConsentRows(phone, { given: true, source: "closing", basis: "ESTABLISHED_RELATIONSHIP", wording: "ok" })[0]).toMatchObject({ basis: "ESTABLISHED_RELATIONSHIP" });
    expect(intakeConsentRows(phone, { given: true, source: "form", wording: "Yes", evidence: "203.0.113.9" })[0]).toMatchObject({ basis: "PRIOR_EXPRESS_WRITTEN", evidence: "203.0.113.9" });

    const fields = IntakeConsentFields.parse({ consentGiven: "yes", consentSource: "Letter", consentWording: "Yes", consentBasis: "established_relationship", consentEvidence: "letter-42.pdf" });
    expect(intakeConsentFromFields(fields)).toMatchObject({ basis: "ESTABLISHED_RELATIONSHIP", evidence: "letter-42.pdf" });
    const unwritten = IntakeConsentFields.safeParse({ consentGiven: "yes", consentSource: "Letter", consentBasis: "PRIOR_EXPRESS_WRITTEN" });
    expect(unwritten.success ? [] : unwritten.error.issues.map((i) => i.path[0])).toEqual(["consentWording"]);
  });

  it("reads a basis column and the file's default basis; a bad cell rejects the row naming the column", () => {
    expect(rowConsent({ consentGiven: "yes", consentWording: "Yes to texts", consentBasis: "EBR" }, null).consent).toMatchObject({ basis: "ESTABLISHED_RELATIONSHIP" });
    expect(rowConsent({ consentGiven: "yes" }, { given: "yes", source: "Web", basis: "ESTABLISHED_RELATIONSHIP" }).consent).toMatchObject({ basis: "ESTABLISHED_RELATIONSHIP" });
    expect(rowConsent({ consentGiven: "yes", consentBasis: "sometimes" }, null).issues).toEqual([{ field: "consentBasis", message: expect.any(String) }]);
    expect(rowConsent({ consentGiven: "yes", consentBasis: "PEWC" }, null).issues).toEqual([{ field: "consentWording", message: expect.any(String) }]);
    expect(rowConsent({ consentGiven: "no", consentBasis: "PEWC" }, null)).toMatchObject({ consent: { given: false }, issues: [] });
    expect(rowConsent({ consentGiven: "yes", consentEvidence: " 198.51.100.2 " }, null).consent).toMatchObject({ evidence: "198.51.100.2" });
  });
});
