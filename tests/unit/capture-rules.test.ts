import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CaptureInput } from "@/lib/capture/schema";
import { captureDeal, resolvePlace } from "@/lib/capture/service";
import { outcomeOf } from "@/components/capture/capture-queue";
import { newClientKey } from "@/components/capture/client-key";
import { isExpectedError } from "@/lib/errors";
import { checkImageUpload, cleanFileName, MAX_FILE_BYTES, sniffImageType } from "@/lib/files";
import { assertSafeKey, keySegments, objectKey } from "@/lib/providers/storage/keys";

const KEY = "0b6f5e1c-3f0a-4c1e-9c55-2f9a4b8f1d20";
const base = { clientKey: KEY, street: "1402 W Commerce St", latitude: "29.4241", longitude: "-98.4936" };

const bytesOf = (...values: number[]) => new Uint8Array([...values, ...new Array(32).fill(0)]);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const JPEG = bytesOf(0xff, 0xd8, 0xff, 0xe0);
const PNG = bytesOf(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const WEBP = bytesOf(...ascii("RIFF"), 1, 2, 3, 4, ...ascii("WEBPVP8 "));
const HEIC = bytesOf(0, 0, 0, 0x18, ...ascii("ftypheic"), 0, 0, 0, 0);
const HEIF = bytesOf(0, 0, 0, 0x18, ...ascii("ftypmif1"), 0, 0, 0, 0);

describe("the capture schema", () => {
  it("takes a capture from the road, numbers as the form sends them", () => {
    const parsed = CaptureInput.parse({ ...base, accuracy: "12", tags: ["Vacant", "boarded", "vacant"], note: " overgrown yard " });
    expect(parsed).toMatchObject({ latitude: 29.4241, longitude: -98.4936, accuracy: 12, tags: ["vacant", "boarded"], note: "overgrown yard" });
  });

  it("takes a typed ZIP instead of a location", () => {
    const parsed = CaptureInput.parse({ clientKey: KEY, street: "12 Elm St", postalCode: "78201" });
    expect(parsed.latitude).toBeUndefined();
    expect(parsed.postalCode).toBe("78201");
  });

  it.each([
    [{ clientKey: KEY, street: "12 Elm St" }, "postalCode", /No location/],
    [{ ...base, clientKey: "not-a-uuid" }, "clientKey", /key/],
    [{ ...base, street: "" }, "street", /street/],
    [{ ...base, longitude: "" }, "latitude", /both/],
    [{ ...base, latitude: "123" }, "latitude", /range/],
    [{ ...base, postalCode: "ABCDE" }, "postalCode", /ZIP/],
    [{ ...base, tags: ["a,b"] }, "tags", /comma/],
  ])("refuses %j on the field it names", (input, field, message) => {
    const result = CaptureInput.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toMatch(message);
  });
});

describe("placing a capture", () => {
  it("finds the postal area, city and state around a point in San Antonio", () => {
    expect(resolvePlace(29.4241, -98.4936)).toMatchObject({ country: "US", region: "TX", areaCode: expect.stringMatching(/^782\d\d$/) });
  });

  it("finds the FSA around a point in Toronto, without a city", () => {
    expect(resolvePlace(43.6426, -79.3871)).toMatchObject({ country: "CA", region: "ON", areaCode: expect.stringMatching(/^M\d[A-Z]$/), city: null });
  });

  it("fills the area from the location when no ZIP was typed", () => {
    const { deal, areaCode } = captureDeal(CaptureInput.parse(base));
    expect(areaCode).toMatch(/^782\d\d$/);
    expect(deal).toMatchObject({ postalCode: areaCode, region: "TX", latitude: 29.4241, longitude: -98.4936 });
  });

  it("keeps a typed ZIP over the location's", () => {
    expect(captureDeal(CaptureInput.parse({ ...base, postalCode: "78205" })).areaCode).toBe("78205");
  });

  it.each([
    ["Paris", 48.8566, 2.3522],
    ["mid-Atlantic", 35, -40],
    ["Mexico City", 19.4326, -99.1332],
  ])("refuses a location outside the US and Canada (%s) on the latitude field", (_name, latitude, longitude) => {
    try {
      captureDeal(CaptureInput.parse({ ...base, latitude: String(latitude), longitude: String(longitude) }));
      expect.unreachable();
    } catch (error) {
      expect(isExpectedError(error) && error.code === "invalid" && error.field === "latitude").toBe(true);
    }
  });
});

describe("sniffing an upload", () => {
  it.each([
    [JPEG, "image/jpeg"],
    [PNG, "image/png"],
    [WEBP, "image/webp"],
    [HEIC, "image/heic"],
    [HEIF, "image/heif"],
  ])("knows an image by its first bytes (%#)", (bytes, type) => {
    expect(sniffImageType(bytes)).toBe(type);
  });

  it.each([
    ["a PDF", bytesOf(...ascii("%PDF-1.7"))],
    ["a GIF", bytesOf(...ascii("GIF89a"))],
    ["HTML", bytesOf(...ascii("<html><script>"))],
    ["an MP4", bytesOf(0, 0, 0, 0x18, ...ascii("ftypisom"))],
    ["a truncated JPEG", new Uint8Array([0xff, 0xd8])],
    ["nothing", new Uint8Array()],
  ])("refuses %s", (_name, bytes) => {
    expect(sniffImageType(bytes)).toBeNull();
  });

  it("never takes random bytes that do not start like an image", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const type = sniffImageType(bytes);
        if (type === null) return true;
        return bytes[0] === 0xff || bytes[0] === 0x89 || bytes[0] === 0x52 || String.fromCharCode(...bytes.subarray(4, 8)) === "ftyp";
      }),
    );
  });

  it("answers 413 over 15 MB and 415 for what is not an image", () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set(JPEG);
    expect(() => checkImageUpload(big, "big.jpg")).toThrow(expect.objectContaining({ code: "too_large", field: "photos" }));
    expect(() => checkImageUpload(bytesOf(...ascii("%PDF")), "lease.pdf")).toThrow(expect.objectContaining({ code: "unsupported_media_type" }));
    const exact = new Uint8Array(MAX_FILE_BYTES);
    exact.set(JPEG);
    expect(checkImageUpload(exact, "ok.jpg")).toBe("image/jpeg");
  });

  it("cleans file names for display and headers", () => {
    expect(cleanFileName('../../etc/"passwd".jpg', "image/jpeg")).toBe(".._.._etc_passwd.jpg");
    expect(cleanFileName("", "image/png")).toBe("photo.png");
    expect(cleanFileName("ÿ\r\n", "image/heic")).toBe("photo.heic");
  });
});

describe("storage keys", () => {
  it("builds a tenant's key", () => {
    expect(objectKey("t1", "deal_photo", "abc-123")).toBe("t1/deal_photo/abc-123");
  });

  it.each(["../etc/passwd", "t1/../../x", "t1/./x", "/abs/path", "t1//x", "t1\\..\\x", "t1/x\u0000y", "t1", "", "t1/..", "t1/.hidden", "t1/a b"])("refuses %j", (key) => {
    expect(keySegments(key)).toBeNull();
    expect(() => assertSafeKey(key)).toThrow();
  });

  it("never lets a key it accepts climb out of the folder", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 5 }), (parts) => {
        const segments = keySegments(parts.join("/"));
        return segments === null || segments.every((s) => s !== ".." && s !== "." && !s.includes("/") && !s.includes("\\") && !s.startsWith("."));
      }),
    );
  });
});

describe("the phone's queue", () => {
  it("reads the server's answers", () => {
    expect(outcomeOf(201, { dealId: "d1", message: "Saved" })).toEqual({ state: "sent", message: "Saved", dealId: "d1" });
    expect(outcomeOf(200, { dealId: "d1", message: "Merged" }).state).toBe("sent");
    expect(outcomeOf(422, { error: "Outside", issues: [{ path: "latitude", message: "Outside" }] })).toEqual({ state: "needs_fix", message: "Outside", issues: [{ path: "latitude", message: "Outside" }] });
    expect(outcomeOf(413, { error: "Too big" }).state).toBe("needs_fix");
    expect(outcomeOf(415, { error: "Not a photo" }).state).toBe("needs_fix");
    for (const status of [401, 408, 409, 429, 500, 502, 503]) expect(outcomeOf(status, null).state).toBe("waiting");
  });

  it("makes v4 UUIDs the schema takes", () => {
    for (let i = 0; i < 20; i++) expect(CaptureInput.safeParse({ ...base, clientKey: newClientKey() }).success).toBe(true);
    expect(newClientKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
