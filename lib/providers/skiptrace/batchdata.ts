/**
 * BatchData's property skip trace (https://developer.batchdata.com, "Property Skip Trace",
 * POST /api/v1/property/skip-trace): by property address, optionally with the owner's name,
 * it answers with the persons linked to the property and their phones and emails. One
 * request per lookup, no retries: each call is billed.
 */
import { z } from "zod";
import { normalizeEmail, normalizePhone } from "@/lib/contact/address";
import { SkipTraceError, type FoundContact, type SkipTraceQuery, type SkipTracer } from "./types";

export const BATCHDATA_BASE_URL = "https://api.batchdata.com";
const TIMEOUT_MS = 15_000;

export interface BatchDataOptions {
  apiKey: string;
  baseUrl?: string | null;
  costCents: number;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

// Read leniently: every field BatchData may leave out is optional, and unknown ones pass.
const Phone = z.looseObject({ number: z.union([z.string(), z.number()]).optional(), dnc: z.boolean().optional() });
const Email = z.looseObject({ email: z.string().optional() });
const Person = z.looseObject({
  phoneNumbers: z.array(Phone).nullish(),
  emails: z.array(Email).nullish(),
  name: z.looseObject({ full: z.string().optional() }).nullish(),
});
const Status = z.looseObject({ code: z.number().optional(), text: z.string().optional(), message: z.string().optional() });
export const BatchDataResponse = z.looseObject({
  status: Status.nullish(),
  results: z.looseObject({ persons: z.array(Person).nullish() }).nullish(),
});

/** The owner's name split as BatchData takes it; a single word is left out (it narrows nothing). */
export function splitName(name: string | null): { first: string; last: string } | undefined {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return undefined;
  return { first: words[0], last: words.at(-1)! };
}

export function batchDataSkipTracer(options: BatchDataOptions): SkipTracer {
  const endpoint = `${(options.baseUrl || BATCHDATA_BASE_URL).replace(/\/+$/, "")}/api/v1/property/skip-trace`;
  const fetchImpl = options.fetchImpl ?? fetch;
  const fail = (message: string, status: number | null = null) => new SkipTraceError("batchdata", message, status);
  return {
    name: "batchdata",
    costCents: options.costCents,
    async lookup(person: SkipTraceQuery) {
      // The property skip trace is keyed by address: a buyer's mailing address, when known, stands in.
      const address = person.propertyAddress ?? person.mailingAddress;
      if (!address?.street || !(address.zip || (address.city && address.state))) {
        throw fail("BatchData needs a street with a ZIP, or a city and state, to look a person up");
      }
      const name = splitName(person.name);
      const body = {
        requests: [
          {
            propertyAddress: { street: address.street, city: address.city ?? "", state: address.state ?? "", zip: address.zip ?? "" },
            ...(name && { name }),
          },
        ],
      };
      let response: Response;
      try {
        response = await fetchImpl(endpoint, {
          method: "POST",
          headers: { authorization: `Bearer ${options.apiKey}`, "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
        });
      } catch (error) {
        const timedOut = (error as Error).name === "TimeoutError" || (error as Error).name === "AbortError";
        throw fail(timedOut ? `BatchData did not answer within ${Math.round((options.timeoutMs ?? TIMEOUT_MS) / 1000)} s` : `BatchData could not be reached: ${(error as Error).message}`);
      }
      const text = await response.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      const parsed = BatchDataResponse.safeParse(json);
      const status = parsed.success ? parsed.data.status : null;
      if (!response.ok || (status?.code !== undefined && status.code >= 400)) {
        const message = status?.message ?? status?.text ?? (text.slice(0, 200) || response.statusText);
        throw fail(`BatchData answered ${response.status}: ${message}`, response.status);
      }
      if (!parsed.success) throw fail("BatchData answered with a body that is not a skip-trace result", response.status);
      return contactsOf(parsed.data);
    },
  };
}

/** Every dialable phone and valid email of every person, deduplicated; numbers on the DNC registry are kept (the outbound gates decide). */
export function contactsOf(response: z.infer<typeof BatchDataResponse>): { phones: FoundContact[]; emails: FoundContact[] } {
  const phones = new Map<string, FoundContact>();
  const emails = new Map<string, FoundContact>();
  for (const person of response.results?.persons ?? []) {
    const who = person.name?.full ? `BatchData (${person.name.full})` : "BatchData";
    for (const phone of person.phoneNumbers ?? []) {
      const value = normalizePhone(phone.number === undefined ? null : String(phone.number));
      if (value && !phones.has(value)) phones.set(value, { value, source: who });
    }
    for (const email of person.emails ?? []) {
      const value = normalizeEmail(email.email);
      if (value && !emails.has(value)) emails.set(value, { value, source: who });
    }
  }
  return { phones: [...phones.values()], emails: [...emails.values()] };
}
