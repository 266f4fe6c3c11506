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
  negotiationMargin: z.coerce.number().min(0).default(DEFAULT_OFFER_TERMS.negotiationMargin),
});

function underwriteCommand(args: string[]) {
  const { values } = options(args, {
    arv: { type: "string" }, repairs: { type: "string" }, asking: { type: "string" },
    multiplier: { type: "string" }, "fees-buffer": { type: "string" }, "assignment-fee": { type: "string" }, "negotiation-margin": { type: "string" },
  });
  for (const required of ["arv", "repairs", "asking"] as const) if (values[required] === undefined) throw new UsageError(`--${required} is required`);
  const input = parse(UnderwriteArgs, { ...values, feesBuffer: values["fees-buffer"], assignmentFee: values["assignment-fee"], negotiationMargin: values["negotiation-margin"] });
  const terms = { maxArvMultiplier: input.multiplier, feesBuffer: input.feesBuffer, assignmentFee: input.assignmentFee, negotiationMargin: input.negotiationMargin };
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

/** A JSON file named on the command line; unreadable or invalid JSON is a usage error. */
async function readJsonFile(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8").catch(() => { throw new UsageError(`cannot read ${file}`); });
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not valid JSON`);
  }
}

/** The intent score of a file of signals with its own weights and half-lives (the formula, no database). */
async function intentScoreCommand(args: string[]) {
  const { values } = options(args, { file: { type: "string" } });
  const file = values.file;
  if (file === undefined) throw new UsageError("--file is required");
  const json = await readJsonFile(file);
  const { IntentScoreFile, IntentScoreFileError, scoreIntentFile } = await import("@/lib/signals/score-file");
  const parsed = IntentScoreFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") || "file"}: ${issue.message}`);
  }
  try {
    return scoreIntentFile(parsed.data);
  } catch (error) {
    if (error instanceof IntentScoreFileError) throw new UsageError(error.message);
    throw error;
  }
}

/** The drafts waiting for approval in a workspace, highest intent first (every page). */
async function approvalsCommand(args: string[]) {
  const { values } = options(args, { tenant: { type: "string" } });
  if (!values.tenant) throw new UsageError("--tenant is required (a workspace slug)");
  const { listApprovalQueue } = await import("@/lib/approvals/queries");
  return withTenantDatabase(values.tenant, async (db) => {
    const drafts = [];
    for (let page = 1; ; page++) {
      const result = await listApprovalQueue(db, { status: "PENDING", page, pageSize: 200 });
      drafts.push(...result.rows);
      if (page * result.pageSize >= result.total || result.rows.length === 0) return { total: result.total, drafts };
    }
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

/** One area ranked from a file of its metrics under the default thresholds (the pure rule, no database). */
async function rankAreaCommand(args: string[]) {
  const { values } = options(args, { file: { type: "string" } });
  const file = values.file;
  if (file === undefined) throw new UsageError("--file is required (a JSON of the area's metrics)");
  const json = await readJsonFile(file);
  // An area as the API answers it carries its figures under "metrics".
  const body = json && typeof json === "object" && !Array.isArray(json) && "metrics" in json ? (json as { metrics: unknown }).metrics : json;
  const { AreaMetricsFile, metricsFromFile } = await import("@/lib/market/metrics-file");
  const parsed = AreaMetricsFile.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join(".");
    const missing = issue.code === "invalid_type" && typeof body === "object" && body !== null && issue.path.length === 1 && !(String(issue.path[0]) in body);
    throw new UsageError(`${file}: ${field ? `${field}: ` : ""}${missing ? "is required" : issue.message}`);
  }
  const { rankArea } = await import("@/lib/market/rank");
  const { DEFAULT_RANK_THRESHOLDS } = await import("@/lib/market/thresholds");
  const { rank, reasons } = rankArea(metricsFromFile(parsed.data), DEFAULT_RANK_THRESHOLDS);
  return { rank, reasons };
}

/** A workspace's postal areas as JSON, hottest first; --rank keeps one rank. */
async function marketAreasCommand(args: string[]) {
  const { values } = options(args, { tenant: { type: "string" }, rank: { type: "string" }, region: { type: "string" }, market: { type: "string" } });
  if (!values.tenant) throw new UsageError("--tenant is required (a workspace slug)");
  const { MARKET_RANKS } = await import("@/lib/market/types");
  const rank = values.rank?.toUpperCase();
  if (rank !== undefined && !(MARKET_RANKS as readonly string[]).includes(rank)) throw new UsageError(`--rank: give one of ${MARKET_RANKS.join(", ")}`);
  const { listAreas } = await import("@/lib/market/service");
  return withTenantDatabase(values.tenant, async (db) => ({
    areas: await listAreas(db, { rank: rank as (typeof MARKET_RANKS)[number] | undefined, region: values.region, market: values.market }),
  }));
}

/** The comps of a subject among candidates and the ARV they support (the rule, no database). */
async function compsCommand(args: string[]) {
  const { values } = options(args, { file: { type: "string" } });
  if (values.file === undefined) throw new UsageError("--file is required");
  const json = await readJsonFile(values.file);
  const { CompsSelectionInput } = await import("@/lib/comps/schema");
  const parsed = CompsSelectionInput.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") || "file"}: ${issue.message}`);
  }
  const { selectCompsFromFile } = await import("@/lib/comps/cli");
  return selectCompsFromFile(parsed.data);
}

/** A lead's score and each feature's points under the default points table (no database). */
async function scoreCommand(args: string[]) {
  const { values } = options(args, { file: { type: "string" } });
  if (values.file === undefined) throw new UsageError("--file is required (a JSON of the lead's features)");
  const json = await readJsonFile(values.file);
  const { LeadFeaturesInput } = await import("@/lib/scoring/schema");
  const parsed = LeadFeaturesInput.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${values.file}: ${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
  }
  const { scoreLead } = await import("@/lib/scoring/score");
  const { score, contributions, model, confidence } = scoreLead(parsed.data);
  return { score, contributions, model, confidence };
}

/** A new version of a deal's investor memo: stored like one made in the app (audited), and written to --out. */
async function memoCommand(args: string[]) {
  const { values } = options(args, { tenant: { type: "string" }, deal: { type: "string" }, out: { type: "string" } });
  for (const required of ["tenant", "deal", "out"] as const) if (!values[required]) throw new UsageError(`--${required} is required`);
  const out = values.out!;
  const { dirname, resolve } = await import("node:path");
  await access(dirname(resolve(out)), constants.W_OK).catch(() => { throw new UsageError(`--out: cannot write in ${dirname(resolve(out))}`); });
  const { generateMemo } = await import("@/lib/memo/service");
  const { readStoredFile } = await import("@/lib/files");
  const { writeFile } = await import("node:fs/promises");
  return withTenantDatabase(values.tenant!, async (db) => {
    const file = await generateMemo(db, values.deal!, OPERATOR).catch((error: unknown) => {
      if (error instanceof ExpectedError && error.code === "not_found") throw new UsageError(`--deal: no deal "${values.deal}" in workspace "${values.tenant}"`);
      throw error;
    });
    const stored = await readStoredFile(db, file.id);
    if (!stored) throw new Error(`The memo ${file.id} was stored but cannot be read back`);
    await writeFile(out, stored.bytes);
    return { fileId: file.id, version: file.version, fileName: file.fileName, size: file.size, sha256: file.sha256, out: resolve(out) };
  });
}

/** A campaign's metrics (funnel, states, gates, per-variant rates), as GET /api/v1/campaigns/{id}/metrics answers. */
async function campaignMetricsCommand(args: string[]) {
  const { values } = options(args, { tenant: { type: "string" }, campaign: { type: "string" } });
  for (const required of ["tenant", "campaign"] as const) if (!values[required]) throw new UsageError(`--${required} is required`);
  const { getCampaignMetrics } = await import("@/lib/campaigns/queries");
  return withTenantDatabase(values.tenant!, (db) =>
    getCampaignMetrics(db, values.campaign!).catch((error: unknown) => {
      if (error instanceof ExpectedError && error.code === "not_found") throw new UsageError(`--campaign: no campaign "${values.campaign}" in workspace "${values.tenant}"`);
      throw error;
    }),
  );
}

/** Outbound control's decision for one sender's figures under the default policy, or the file's overrides (the pure rule, no database). */
async function throttleCommand(args: string[]) {
  const { values } = options(args, { file: { type: "string" } });
  if (values.file === undefined) throw new UsageError("--file is required (a JSON of { stats, policy? })");
  const json = await readJsonFile(values.file);
  const { ThrottleFileInput } = await import("@/lib/deliverability/schema");
  const parsed = ThrottleFileInput.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${values.file}: ${issue.path.join(".") || "file"}: ${issue.message}`);
  }
  const { decideThrottle } = await import("@/lib/deliverability/throttle-rules");
  const { action, rate, reasons } = decideThrottle(parsed.data.stats, parsed.data.policy);
  return { action, rate, reasons };
}

/** A SAM.gov notice's bid fit against a profile at a given time (the pure score, no database). */
async function bidFitCommand(args: string[]) {
  const { values } = options(args, { file: { type: "string" } });
  if (values.file === undefined) throw new UsageError("--file is required (a JSON of { notice, profile, now })");
  const json = await readJsonFile(values.file);
  const { BidFitFile, scoreBidFitFile } = await import("@/lib/govcon/bid-fit-file");
  const parsed = BidFitFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${values.file}: ${issue.path.join(".") || "file"}: ${issue.message}`);
  }
  const { score, reasons } = scoreBidFitFile(parsed.data);
  return { score, reasons };
}

/**
 * One GovCon sync now, recorded as a run of the GovCon engine (so the Engines page shows it
 * and the next scheduled sync continues from its window): what it asked SAM.gov and found.
 */
async function govconSyncCommand(args: string[]) {
  const { values } = options(args, { tenant: { type: "string" } });
  if (!values.tenant) throw new UsageError("--tenant is required");
  const { runEngine } = await import("@/lib/engines/service");
  const { readSamGovUsage } = await import("@/lib/govcon/quota");
  return withTenantDatabase(values.tenant, async (db) => {
    const run = await runEngine(db, "govcon", "manual");
    if (run.outcome === "FAILED") throw new Error(run.error ?? "the sync failed");
    const details = run.outcome === "OK" ? ((await db.engineRun.findUnique({ where: { id: run.runId }, select: { details: true } }))?.details as Record<string, number> | null) : null;
    const figure = (name: string) => (typeof details?.[name] === "number" ? details[name] : 0);
    return {
      requests: figure("requests"),
      fetched: figure("fetched"),
      new: figure("new"),
      amended: figure("amended"),
      budgetLeft: details ? figure("budgetLeft") : (await readSamGovUsage(db)).left,
      ...(run.outcome === "SKIPPED" ? { skippedBecause: run.error } : {}),
    };
  });
}

export const commands: Record<string, (args: string[]) => unknown> = {
  "govcon-sync": govconSyncCommand,
  "bid-fit": bidFitCommand,
  throttle: throttleCommand,
  "campaign-metrics": campaignMetricsCommand,
  memo: memoCommand,
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
  approvals: approvalsCommand,
  "intent-score": intentScoreCommand,
  comps: compsCommand,
  score: scoreCommand,
  "market-areas": marketAreasCommand,
  "rank-area": rankAreaCommand,
};
