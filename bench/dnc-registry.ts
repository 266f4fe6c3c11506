/**
 * Do-not-call registry import and lookup:
 *   npx tsx bench/dnc-registry.ts [--db pglite|postgres] [--scale 5m] [--json file]
 *
 * Generates a registry download of 5 million numbers (one 10-digit number a line, about 1%
 * repeated, as the FTC's files are), sends it as a multipart body in 64 KB chunks through
 * receiveRegistryUpload (the upload route's own path: streamed parse, sort, compact encoding,
 * blocks written, the copy put in force, audited) into a fresh migrated database
 * (bench/database.ts). Then loads the copy as the outbound gate does and
 * times lookups (half listed numbers, half not): mean over a long run and p99 of single
 * calls, next to a plain JS Set of the same numbers measured in the same process.
 * Targets: import <= 60 s, lookup <= 5 µs.
 */
import { scopeToTenant } from "@/lib/db/tenant";
import { readRegistryFacts, receiveRegistryUpload } from "@/lib/dnc";
import { registryCopy } from "@/lib/dnc/cache";
import { provisionTenant } from "@/lib/tenants/provision";
import { openBenchDatabase, parseBenchArgs, writeFigures } from "./database";

const args = parseBenchArgs();
const count = args.scale ?? Number(args.positional[0] ?? 5_000_000);
/** 60 s for the 5 million numbers of a national registry download, pro rata for other sizes. */
const GOAL_IMPORT_SECONDS = (60 * count) / 5_000_000;
const GOAL_LOOKUP_US = 5;
const CHUNK_BYTES = 64 * 1024;
const BOUNDARY = "----dealflow-bench-registry";
const LOOKUPS = 2_000_000;
const SAMPLED_CALLS = 200_000;

/** A deterministic spread over 300 area codes and all their exchanges; every 100th line repeats an earlier one. */
function registryNumbers(n: number): Float64Array {
  const numbers = new Float64Array(n);
  let state = 2_463_534_242;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  for (let i = 0; i < n; i++) {
    if (i % 100 === 99) {
      numbers[i] = numbers[i - 50]!;
      continue;
    }
    const area = 201 + Math.floor(next() * 300);
    const exchange = 200 + Math.floor(next() * 800);
    numbers[i] = area * 1e7 + exchange * 1e4 + Math.floor(next() * 10_000);
  }
  return numbers;
}

/** The file's text in 64 KB chunks, as the browser would send it. */
function fileChunks(numbers: Float64Array): Buffer[] {
  const chunks: Buffer[] = [];
  let lines: string[] = [];
  let bytes = 0;
  for (const number of numbers) {
    lines.push(String(number));
    bytes += 11;
    if (bytes >= CHUNK_BYTES) {
      chunks.push(Buffer.from(lines.join("\n") + "\n"));
      lines = [];
      bytes = 0;
    }
  }
  if (lines.length) chunks.push(Buffer.from(lines.join("\n") + "\n"));
  return chunks;
}

async function* multipartBody(file: Buffer[]): AsyncGenerator<Uint8Array> {
  const fileSize = file.reduce((sum, chunk) => sum + chunk.length, 0);
  const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const downloaded = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  yield Buffer.from(field("kind", "US_NATIONAL") + field("downloadedAt", downloaded) + field("fileSize", String(fileSize)));
  yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="registry.txt"\r\nContent-Type: text/plain\r\n\r\n`);
  for (const chunk of file) yield chunk;
  yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
}

let sink = 0;

/** Mean ns per call over `LOOKUPS` calls, and the p99 of `SAMPLED_CALLS` single timed calls (timer cost included). */
function timeLookups(has: (number: number) => boolean, probes: Float64Array): { meanNs: number; p99Ns: number } {
  for (let i = 0; i < 200_000; i++) if (has(probes[i % probes.length]!)) sink++; // warm up
  const started = process.hrtime.bigint();
  for (let i = 0; i < LOOKUPS; i++) if (has(probes[i % probes.length]!)) sink++;
  const meanNs = Number(process.hrtime.bigint() - started) / LOOKUPS;
  const single = new Float64Array(SAMPLED_CALLS);
  for (let i = 0; i < SAMPLED_CALLS; i++) {
    const probe = probes[(i * 7) % probes.length]!;
    const t0 = process.hrtime.bigint();
    if (has(probe)) sink++;
    single[i] = Number(process.hrtime.bigint() - t0);
  }
  single.sort();
  return { meanNs, p99Ns: single[Math.floor(SAMPLED_CALLS * 0.99)]! };
}

/** The cost of the timer alone, to read the p99 of single calls against. */
function timerCostNs(): number {
  const samples = new Float64Array(SAMPLED_CALLS);
  for (let i = 0; i < SAMPLED_CALLS; i++) {
    const t0 = process.hrtime.bigint();
    samples[i] = Number(process.hrtime.bigint() - t0);
  }
  return samples.sort()[Math.floor(SAMPLED_CALLS * 0.99)]!;
}

const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
const us = (ns: number) => `${(ns / 1000).toFixed(3)} µs`;

async function main() {
  const bench = await openBenchDatabase(args.db);
  const { database } = bench;
  const slug = `bench-dnc-${Date.now()}`;
  try {
    const numbers = registryNumbers(count);
    const file = fileChunks(numbers);
    const fileBytes = file.reduce((sum, chunk) => sum + chunk.length, 0);
    const tenant = await provisionTenant(database.prisma, { slug, name: "Bench Registries", timeZone: "America/Chicago", country: "US" }, [
      { email: `owner@${slug}.test`, name: "Owner", password: "correct horse battery", role: "owner" },
    ]);
    const db = scopeToTenant(database.prisma, tenant.id);
    const ctx = { actorId: null, actorEmail: "bench", requestId: undefined };

    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const result = await receiveRegistryUpload(db, multipartBody(file), `multipart/form-data; boundary=${BOUNDARY}`, ctx);
    const importSeconds = (performance.now() - started) / 1000;

    const [row] = await db.dncRegistry.findMany({ select: { id: true, kind: true, name: true, activeVersion: true } });
    const blocks = await db.dncRegistryBlock.findMany({ where: { registryId: row!.id }, select: { data: true } });
    const storedBytes = blocks.reduce((sum, b) => sum + Buffer.byteLength(b.data, "base64"), 0);
    const loadStarted = performance.now();
    const copy = await registryCopy(db, row!);
    const loadMs = performance.now() - loadStarted;
    const copyBytes = copy.lines.byteLength + copy.prefixes.byteLength + copy.starts.byteLength + (copy.prefixes.length > 20_000 ? 3_200_000 : 0);

    // Half the probes are listed numbers, half are numbers next to them that may not be.
    const probes = new Float64Array(1 << 16);
    for (let i = 0; i < probes.length; i++) probes[i] = numbers[(i * 76_543) % numbers.length]! + (i % 2);
    const gcBefore = process.memoryUsage().heapUsed;
    const plain = new Set<number>(numbers);
    const plainBytes = process.memoryUsage().heapUsed - gcBefore;

    const compact = timeLookups((n) => copy.has(n), probes);
    const baseline = timeLookups((n) => plain.has(n), probes);
    const timer = timerCostNs();
    const gateStarted = performance.now();
    const GATE_CALLS = 2_000;
    for (let i = 0; i < GATE_CALLS; i++) if ((await readRegistryFacts(db, `+1${probes[i]}`))?.registries[0]?.listed) sink++;
    const gateUs = ((performance.now() - gateStarted) * 1000) / GATE_CALLS;
    const agree = Array.from(probes.subarray(0, 10_000)).every((n) => copy.has(n) === plain.has(n));

    console.log(`node ${process.version}, ${bench.label}, heap before import ${mb(heapBefore)}\n`);
    console.log(`file            ${count.toLocaleString("en-US")} lines, ${mb(fileBytes)}, sent in ${file.length.toLocaleString("en-US")} chunks of 64 KB`);
    console.log(`import          ${importSeconds.toFixed(1)} s (${Math.round(count / importSeconds).toLocaleString("en-US")} numbers/s): ${result.numberCount.toLocaleString("en-US")} distinct, ${result.duplicates.toLocaleString("en-US")} repeats, ${result.invalidLines} invalid`);
    console.log(`stored          ${blocks.length} blocks, ${mb(storedBytes)} (${(storedBytes / result.numberCount).toFixed(2)} bytes a number)`);
    console.log(`copy in memory  ${mb(copyBytes)}, loaded from the database in ${Math.round(loadMs)} ms; plain Set of the same numbers ~${mb(plainBytes)}`);
    console.log(`lookup          mean ${us(compact.meanNs)}, p99 ${us(compact.p99Ns)} (single timed calls; the timer alone costs ${us(timer)} at p99)`);
    console.log(`baseline        plain JS Set: mean ${us(baseline.meanNs)}, p99 ${us(baseline.p99Ns)}`);
    console.log(`ratio           lookup takes ${(compact.meanNs / baseline.meanNs).toFixed(2)}x the Set's time, in ${((copyBytes / Math.max(plainBytes, 1)) * 100).toFixed(1)}% of its memory; answers agree: ${agree ? "yes" : "NO"}`);
    console.log(`gate facts      readRegistryFacts (registry rows read from the database, then the lookup): ${gateUs.toFixed(0)} µs a call (informational)`);
    console.log(`target          import <= ${GOAL_IMPORT_SECONDS} s: ${importSeconds <= GOAL_IMPORT_SECONDS ? "met" : "NOT met"}; lookup <= ${GOAL_LOOKUP_US} µs (mean and p99): ${compact.meanNs <= GOAL_LOOKUP_US * 1000 && compact.p99Ns <= GOAL_LOOKUP_US * 1000 ? "met" : "NOT met"}`);
    writeFigures(args, "dnc-registry", bench, [
      { what: "registry upload (streamed parse, sort, blocks written, put in force)", value: importSeconds, unit: "s", goal: `<= ${GOAL_IMPORT_SECONDS}`, met: importSeconds <= GOAL_IMPORT_SECONDS },
      { what: "lookup, mean", value: compact.meanNs / 1000, unit: "µs", goal: `<= ${GOAL_LOOKUP_US}`, baseline: baseline.meanNs / 1000, baselineLabel: "a plain JS Set of the same numbers", met: compact.meanNs <= GOAL_LOOKUP_US * 1000 },
      { what: "lookup, p99 of single timed calls", value: compact.p99Ns / 1000, unit: "µs", goal: `<= ${GOAL_LOOKUP_US}`, baseline: baseline.p99Ns / 1000, baselineLabel: "a plain JS Set of the same numbers", met: compact.p99Ns <= GOAL_LOOKUP_US * 1000 },
    ]);
    if (sink < 0) console.log(sink);
  } finally {
    await bench.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
