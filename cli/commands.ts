import { constants } from "node:fs";
import { access, readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ExpectedError } from "@/lib/errors";
import { geoLookup, resolveGeo } from "@/lib/geo";
import { parseDealEmail, parseRawEmail, type ParseResult } from "@/lib/intake/email";
import { LadderScheduleInputError, LadderScheduleQuery, previewDefaultLadder } from "@/lib/ladder/preview";
import { CanContactQuery, defaultPolicyRecord, isContactAllowed } from "@/lib/policy";
import { regionTimeZones } from "@/lib/geo/regions";
import { computeOffer, DEFAULT_OFFER_TERMS } from "@/lib/underwriting/rules";
import { withTenantDatabase } from "./tenant";

/** Bad input: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.length ? `--${issue.path.join(".").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ` : ""}${issue.message}`;
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new UsageError(firstIssue(result.error));
  return result.data;
}

function options<const T extends Record<string, { type: "string" }>>(args: string[], spec: T) {
  try {
    return parseArgs({ args, options: spec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]);
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError("give --file or pipe an email on stdin");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const looksLikeRawEmail = (text: string) => /^(?:[A-Za-z-]+: .*\r?\n)+/.test(text) && /^(message-id|from|subject|received|mime-version):/im.test(text.slice(0, 4000));

async function parseEmailCommand(args: string[]): Promise<ParseResult> {
  const { values } = options(args, { file: { type: "string" } });
  const file = values.file as string | undefined;
  const text = file ? await readFile(file, "utf8").catch(() => { throw new UsageError(`cannot read ${file}`); }) : await readStdin();
  if (!text.trim()) throw new UsageError("the email is empty");
  const result = looksLikeRawEmail(text)
    ? await parseRawEmail(text)
    : parseDealEmail(/^\s*</.test(text) ? { html: text } : { text });
  return { deals: result.deals.map((d) => d.fields) as never, warnings: result.warnings };
}

function geoCommand(args: string[]) {
  const { positionals } = options(args, {});
  if (positionals.length !== 1) throw new UsageError("give one ZIP or postal code, e.g. dealflow geo 90210");
  const found = geoLookup(positionals[0]);
  if (!found) throw new UsageError(`"${positionals[0]}" is not a known US ZIP or Canadian postal code`);
  return found;
}

const UnderwriteArgs = z.object({
  arv: z.coerce.number({ error: "must be a number" }).positive("must be more than 0"),
  repairs: z.coerce.number({ error: "must be a number" }).min(0, "cannot be negative"),
  asking: z.coerce.number({ error: "must be a number" }).min(0, "cannot be negative"),
  multiplier: z.coerce.number().gt(0).max(1).default(DEFAULT_OFFER_TERMS.maxArvMultiplier),
  feesBuffer: z.coerce.number().min(0).default(DEFAULT_OFFER_TERMS.feesBuffer),
  assignmentFee: z.coerce.number().min(0).default(DEFAULT_OFFER_TERMS.assignmentFee),
});

function underwriteCommand(args: string[]) {
  const { values } = options(args, {
    arv: { type: "string" }, repairs: { type: "string" }, asking: { type: "string" },
    multiplier: { type: "string" }, "fees-buffer": { type: "string" }, "assignment-fee": { type: "string" },
  });
  for (const required of ["arv", "repairs", "asking"] as const) if (values[required] === undefined) throw new UsageError(`--${required} is required`);
  const input = parse(UnderwriteArgs, { ...values, feesBuffer: values["fees-buffer"], assignmentFee: values["assignment-fee"] });
  const terms = { maxArvMultiplier: input.multiplier, feesBuffer: input.feesBuffer, assignmentFee: input.assignmentFee };
  return { ...computeOffer({ arv: input.arv, repairs: input.repairs, askingPrice: input.asking }, terms), inputs: { arv: input.arv, repairs: input.repairs, askingPrice: input.asking }, terms };
}

function canContactCommand(args: string[]) {
  const { values } = options(args, {
    region: { type: "string" }, market: { type: "string" }, "postal-code": { type: "string" }, "time-zone": { type: "string" },
    at: { type: "string" }, channel: { type: "string" }, score: { type: "string" },
  });
  for (const required of ["region", "at", "channel", "score"] as const) if (values[required] === undefined) throw new UsageError(`--${required} is required`);
  const query = parse(CanContactQuery, { region: values.region, market: values.market, postalCode: values["postal-code"], timeZone: values["time-zone"], at: values.at, channel: values.channel, score: values.score });
  const zoneFromPostal = query.postalCode ? resolveGeo({ postalCode: query.postalCode }).timeZone : null;
  if (query.postalCode && !zoneFromPostal) throw new UsageError(`--postal-code: "${query.postalCode}" is not a known ZIP or postal code`);
  const timeZones = query.timeZone ? [query.timeZone] : zoneFromPostal ? [zoneFromPostal] : regionTimeZones(query.region);
  const policy = defaultPolicyRecord(query.region);
  const decision = isContactAllowed({ policy, timeZones, at: query.at, channel: query.channel, score: query.score });
  return { ...decision, region: query.region, market: query.market ?? "ALL", policy: policy ? "default" : null, timeZonesChecked: timeZones };
}

function ladderScheduleCommand(args: string[]) {
  const { values } = options(args, {
    region: { type: "string" }, "postal-code": { type: "string" }, "time-zone": { type: "string" }, start: { type: "string" }, score: { type: "string" },
  });
  for (const required of ["region", "start"] as const) if (values[required] === undefined) throw new UsageError(`--${required} is required`);
  const query = parse(LadderScheduleQuery, { region: values.region, postalCode: values["postal-code"], timeZone: values["time-zone"], start: values.start, score: values.score });
  try {
    return previewDefaultLadder(query);
  } catch (error) {
    if (error instanceof LadderScheduleInputError) throw new UsageError(`--postal-code: ${error.message}`);
    throw error;
  }
}

async function importCsvCommand(args: string[]) {
  const { values, positionals } = options(args, { tenant: { type: "string" } });
  if (!values.tenant) throw new UsageError("--tenant is required");
  if (positionals.length !== 1) throw new UsageError("give the CSV file to import");
  const file = positionals[0];
  await access(file, constants.R_OK).catch(() => { throw new UsageError(`cannot read ${file}`); });
  const { importCsvFile } = await import("@/lib/imports/cli");
  const job = await withTenantDatabase(values.tenant, (db) => importCsvFile(db, file));
  return {
    created: job.created,
    duplicates: job.duplicates,
    errors: job.errorCount,
    rows: job.processedRows,
    status: job.status,
    jobId: job.id,
    rowsPerSecond: job.rowsPerSecond,
    ...(job.message ? { message: job.message } : {}),
  };
}

async function underwritePendingCommand(args: string[]) {
  const { values } = options(args, { tenant: { type: "string" }, limit: { type: "string" } });
  if (!values.tenant) throw new UsageError("--tenant is required");
  const { underwriteNewDeals } = await import("@/lib/underwriting/engine");
  return withTenantDatabase(values.tenant, (db) => underwriteNewDeals(db, { limit: values.limit ? Number(values.limit) : 5000 }));
}

async function credentialsRotateCommand(args: string[]) {
  options(args, {});
  const { keyringFromEnv } = await import("@/lib/credentials/keyring");
  const keyring = keyringFromEnv();
  if (keyring.status !== "ready") throw new UsageError(keyring.status === "missing" ? "CREDENTIALS_KEY is not set" : keyring.reason);
  const { rotateAllCredentials } = await import("./credentials-rotate");
  return rotateAllCredentials(keyring.keyring);
}

/** The person named by --contact, or a usage error. */
async function privacyContact(args: string[]) {
  const { values } = options(args, { tenant: { type: "string" }, contact: { type: "string" } });
  if (!values.tenant) throw new UsageError("--tenant is required");
  if (!values.contact) throw new UsageError("--contact is required (a phone number or an email address)");
  const { contactArgument } = await import("@/lib/privacy/schema");
  const contact = contactArgument(values.contact);
  if (!contact) throw new UsageError("--contact: give a phone number such as +14165550100 or an email address");
  return { tenant: values.tenant, contact };
}

/** A buyer liquidity node's figures and score (`--property-type` left out reads the node of deals without one). */
async function liquidityScoreCommand(args: string[]) {
  const { values } = options(args, { tenant: { type: "string" }, region: { type: "string" }, market: { type: "string" }, "property-type": { type: "string" } });
  for (const required of ["tenant", "region", "market"] as const) if (values[required] === undefined) throw new UsageError(`--${required} is required`);
  const { LiquidityScoreQuery } = await import("@/lib/buyers/liquidity-schema");
  const key = parse(LiquidityScoreQuery, { region: values.region, market: values.market, propertyType: values["property-type"] });
  const { getLiquidityScore } = await import("@/lib/buyers/liquidity");
  return withTenantDatabase(values.tenant!, (db) => getLiquidityScore(db, key));
}

/**
 * Buyers matched to a deal, best first: from a file of `{ deal, buyers }` (the pure rules
 * alone), or a deal of a workspace against its buyers.
 */
async function matchBuyersCommand(args: string[]) {
  const { values } = options(args, { file: { type: "string" }, tenant: { type: "string" }, deal: { type: "string" }, now: { type: "string" } });
  const now = values.now === undefined ? undefined : new Date(values.now);
  if (now && Number.isNaN(now.getTime())) throw new UsageError("--now: give an ISO instant such as 2026-12-06T12:00:00Z");
  const shown = (matches: { buyerId: string; score: number; reasons: unknown[] }[]) => matches.map(({ buyerId, score, reasons }) => ({ buyerId, score, reasons }));
  if (values.file !== undefined) {
    if (values.tenant !== undefined || values.deal !== undefined) throw new UsageError("give either --file or --tenant with --deal");
    const file = values.file;
    const text = await readFile(file, "utf8").catch(() => { throw new UsageError(`cannot read ${file}`); });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new UsageError(`${file} is not JSON`);
    }
    const { MatchFileInput } = await import("@/lib/buyers/match-input");
    const input = MatchFileInput.safeParse(json);
    if (!input.success) {
      const issue = input.error.issues[0];
      throw new UsageError(`${file}: ${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
    }
    const { matchBuyers } = await import("@/lib/buyers/match");
    return { matches: shown(matchBuyers(input.data.deal, input.data.buyers, { now })) };
  }
  if (!values.tenant || !values.deal) throw new UsageError("give --file F, or --tenant <slug> with --deal <id>");
  const dealId = values.deal;
  const { findBuyerMatches } = await import("@/lib/buyers/candidates");
  return withTenantDatabase(values.tenant, async (db) => {
    const result = await findBuyerMatches(db, dealId, { now }).catch((error: unknown) => {
      if (error instanceof ExpectedError && error.code === "not_found") throw new UsageError(`--deal: no deal "${dealId}" in workspace "${values.tenant}"`);
      throw error;
    });
    return { dealId, liquidityScore: result.liquidity?.score ?? null, matches: shown(result.matches) };
  });
}

const OPERATOR = { actorId: null, actorEmail: null, requestId: "cli" };

async function privacyEraseCommand(args: string[]) {
  const { tenant, contact } = await privacyContact(args);
  const { filePrivacyRequest, processPrivacyRequest } = await import("@/lib/privacy/service");
  return withTenantDatabase(tenant, async (db) => {
    const request = await processPrivacyRequest(db, (await filePrivacyRequest(db, { kind: "ERASURE", ...contact }, OPERATOR)).id, OPERATOR);
    return { requestId: request.id, status: request.status, completedAt: request.completedAt, tables: request.proof };
  });
}

async function privacyExportCommand(args: string[]) {
  const { tenant, contact } = await privacyContact(args);
  const { exportPersonData, filePrivacyRequest, processPrivacyRequest } = await import("@/lib/privacy/service");
  return withTenantDatabase(tenant, async (db) => {
    // Filed and completed like any access request, so it is on the Privacy requests page and in the audit log.
    const request = await processPrivacyRequest(db, (await filePrivacyRequest(db, { kind: "ACCESS", ...contact }, OPERATOR)).id, OPERATOR);
    return { requestId: request.id, ...(await exportPersonData(db, contact)) };
  });
}

export const commands: Record<string, (args: string[]) => unknown> = {
  "privacy-erase": privacyEraseCommand,
  "privacy-export": privacyExportCommand,
  "credentials-rotate": credentialsRotateCommand,
  "parse-email": parseEmailCommand,
  geo: geoCommand,
  underwrite: underwriteCommand,
  "can-contact": canContactCommand,
  "ladder-schedule": ladderScheduleCommand,
  "import-csv": importCsvCommand,
  "underwrite-pending": underwritePendingCommand,
  "match-buyers": matchBuyersCommand,
  "liquidity-score": liquidityScoreCommand,
};
