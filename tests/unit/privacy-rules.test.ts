import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ERASED_MARK, restorePersonal, SEALED_MARK, splitPersonal, type AuditFields } from "@/lib/audit/personal";
import { normalizePhone } from "@/lib/contact/address";
import { emptyIdentity, keyedHash, mentionsPerson, phoneSpellings, suppressionHashes, widenIdentity } from "@/lib/privacy/identity";
import { PrivacyRequestInput } from "@/lib/privacy/schema";
import { newDataKey, openValue, sealValue, unwrapDataKey, wrapDataKey } from "@/lib/privacy/seal";
import { identityFromGiven, requestSubjectHashes } from "@/lib/privacy/service";

const PHONE = "+14165550199";
const identity = widenIdentity(emptyIdentity(), { phones: [PHONE], emails: ["jane@example.com"], names: ["Jane Roe"] });

/** A NANP number with a valid area code and exchange, in E.164. */
const nanp = fc.tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 0, max: 9999 }))
  .map(([a, b, c]) => `+1${a}${b}${String(c).padStart(4, "0")}`);

describe("suppression hashes", () => {
  it("hash every spelling of a phone to the same entry, and different phones apart", () => {
    fc.assert(fc.property(nanp, nanp, (one, other) => {
      const hashes = phoneSpellings(one).map((spelling) => suppressionHashes({ phone: spelling }).phone);
      expect(new Set(hashes).size).toBe(1);
      expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
      if (one !== other) expect(suppressionHashes({ phone: other }).phone).not.toBe(hashes[0]);
    }), { numRuns: 200 });
  });

  it("hash an email whatever its case and spacing, and never contain the value", () => {
    const a = suppressionHashes({ email: " Jane@Example.COM " }).email;
    expect(a).toBe(suppressionHashes({ email: "jane@example.com" }).email);
    expect(a).not.toContain("jane");
    expect(suppressionHashes({ phone: "not a phone", email: "nope" })).toEqual({ phone: null, email: null });
  });

  it("are keyed: another key gives other hashes", () => {
    const before = keyedHash(`phone:${PHONE}`);
    process.env.PRIVACY_HASH_KEY = "a".repeat(64);
    try {
      expect(keyedHash(`phone:${PHONE}`)).not.toBe(before);
    } finally {
      delete process.env.PRIVACY_HASH_KEY;
    }
    expect(keyedHash(`phone:${PHONE}`)).toBe(before);
  });
});

describe("mentionsPerson", () => {
  it("finds the phone however it is written, with or without the country code", () => {
    fc.assert(fc.property(nanp, fc.constantFrom("", "Call ", "tel:", "note: "), (phone, prefix) => {
      const person = widenIdentity(emptyIdentity(), { phones: [phone] });
      for (const spelling of phoneSpellings(phone)) expect(mentionsPerson(`${prefix}${spelling}.`, person)).toBe(true);
    }), { numRuns: 100 });
  });

  it("does not take a longer number or another person for them", () => {
    expect(mentionsPerson("order 141655501990", identity)).toBe(false);
    expect(mentionsPerson("+1 416 555 0198", identity)).toBe(false);
    expect(mentionsPerson("JANE@EXAMPLE.COM wrote", identity)).toBe(true);
    expect(mentionsPerson("Spoke with jane   roe today", identity)).toBe(true);
    expect(mentionsPerson("Spoke with Jane Doe", identity)).toBe(false);
  });
});

describe("privacy request input", () => {
  it("needs a phone, an email, or a name and an address", () => {
    expect(PrivacyRequestInput.safeParse({ kind: "ERASURE", phone: "416 555 0199" }).success).toBe(true);
    expect(PrivacyRequestInput.safeParse({ kind: "ACCESS", name: "Jane Roe", address: "1 Elm St" }).success).toBe(true);
    const nameOnly = PrivacyRequestInput.safeParse({ kind: "ERASURE", name: "Jane Roe" });
    expect(nameOnly.success ? [] : nameOnly.error.issues.map((i) => i.path[0])).toEqual(["address"]);
    const badPhone = PrivacyRequestInput.safeParse({ kind: "ERASURE", phone: "12" });
    expect(badPhone.success ? [] : badPhone.error.issues.map((i) => i.path[0])).toContain("phone");
  });

  it("normalizes what was given and finds requests about the same person by hash", () => {
    expect(identityFromGiven({ phone: "(416) 555-0199", name: " Jane  ROE ", address: "27 Elm St, Toronto ON" })).toMatchObject({
      phones: [PHONE], names: ["jane roe"], streets: ["27 elm st"],
    });
    expect(requestSubjectHashes({ phone: "416.555.0199" })).toEqual(requestSubjectHashes({ phone: "+1 416 555 0199" }));
  });
});

describe("sealing", () => {
  it("opens with every key and not without any one of them", () => {
    fc.assert(fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 4 }), fc.nat(), (value, count, drop) => {
      const keys = new Map(Array.from({ length: count }, (_, i) => [`k${i}`, newDataKey()] as const));
      const sealed = sealValue(value, keys);
      expect(openValue(sealed, keys)).toEqual({ value: JSON.parse(JSON.stringify(value)) });
      const missing = new Map(keys);
      missing.delete(`k${drop % count}`);
      expect(openValue(sealed, missing)).toBeNull();
    }), { numRuns: 100 });
  });

  it("wraps a data key so only the wrapping key gets it back", () => {
    const key = newDataKey();
    const wrapped = wrapDataKey(key);
    expect(unwrapDataKey(wrapped).equals(key)).toBe(true);
    expect(() => unwrapDataKey(wrapped, Buffer.alloc(32, 7))).toThrow();
  });
});

describe("the personal parts of an audit event", () => {
  const event: AuditFields = {
    entity: "Deal", entityId: "deal-1", actorId: "user-1", actorEmail: "owner@team.test",
    before: { contactPhone: "(416) 555-0199", status: "NEW" },
    after: { contactName: "Jane Roe", askingPrice: 300000, tags: ["vacant"], note: null, reason: "Jane asked for a call" },
  };

  it("lifts names, phones and the free text of an event about a contact, keeping the rest readable", () => {
    const split = splitPersonal(event);
    expect(split.fields.before).toEqual({ contactPhone: SEALED_MARK, status: "NEW" });
    expect(split.fields.after).toEqual({ contactName: SEALED_MARK, askingPrice: 300000, tags: ["vacant"], note: null, reason: SEALED_MARK });
    expect(split.fields.actorEmail).toBe("owner@team.test");
    expect(split.subjects).toEqual(["Deal:deal-1", `phone:${PHONE}`]);
    expect(restorePersonal(split.fields, split.lifted, [])).toEqual(event);
    expect(restorePersonal(split.fields, null, split.lifted.map(({ column, path }) => ({ column, path }))).after).toMatchObject({ contactName: ERASED_MARK });
  });

  it("lifts a contact named in an entity id or acting without an account", () => {
    const split = splitPersonal({ entity: "ContactConsent", entityId: "EMAIL:jane@example.com", actorId: null, actorEmail: "jane@example.com", before: { status: "OPTED_IN" }, after: { status: "OPTED_OUT" } });
    expect(split.fields).toMatchObject({ entityId: SEALED_MARK, actorEmail: SEALED_MARK, after: { status: "OPTED_OUT" } });
    expect(split.subjects).toEqual(["email:jane@example.com"]);
  });

  it("keeps a record id readable even when its digits read like a phone number", () => {
    fc.assert(fc.property(fc.uuid(), fc.constantFrom("2125550199ab", "4165550199ff", "9015550100c0"), (uuid, tail) => {
      const id = `${uuid.slice(0, 24)}${tail}`;
      const split = splitPersonal({ entity: "Deal", entityId: id, actorId: "u", actorEmail: "a@team.test", before: null, after: { status: "NEW" } });
      expect(split.fields.entityId).toBe(id);
    }), { numRuns: 50 });
    const consent = splitPersonal({ entity: "ContactConsent", entityId: "SMS:+14165550199,EMAIL:jane@example.com", actorId: "u", actorEmail: null, before: null, after: null });
    expect(consent.fields.entityId).toBe(SEALED_MARK);
  });

  it("leaves events without a person untouched", () => {
    fc.assert(fc.property(fc.record({ region: fc.constantFrom("ON", "TX"), version: fc.nat(), reason: fc.constantFrom("Q1 expansion", "Too many cold leads") }), (after) => {
      const plain: AuditFields = { entity: "MarketPolicy", entityId: "p1", actorId: "u", actorEmail: "a@team.test", before: null, after };
      expect(splitPersonal(plain)).toEqual({ fields: plain, lifted: [], subjects: [] });
    }), { numRuns: 50 });
  });

  it("finds any phone written in free text", () => {
    fc.assert(fc.property(nanp, (phone) => {
      const [, , dashed] = phoneSpellings(phone);
      const split = splitPersonal({ entity: "Thing", entityId: "t", actorId: "u", actorEmail: null, before: null, after: { message: `call ${dashed} soon` } });
      expect(split.subjects).toContain(`phone:${normalizePhone(phone)}`);
    }), { numRuns: 100 });
  });
});
