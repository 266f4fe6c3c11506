import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { DEMO_TENANT_SLUG, seedDemo } from "@/lib/demo/seed";
import { getDealDetail } from "@/lib/prospects/detail";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let filesDir: string;

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(os.tmpdir(), "dealflow-calls-demo-"));
  process.env.FILES_DIR = filesDir;
  database = await createTestDatabase();
  useDatabase(database);
  await seedDemo(database.prisma, new Date());
}, 240_000);
afterAll(async () => {
  await database?.close();
  await rm(filesDir, { recursive: true, force: true });
  delete process.env.FILES_DIR;
});

it("the demo's leads carry logged calls, with outcomes and lengths, on their timelines", async () => {
  const tenant = await database.prisma.tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT_SLUG } });
  const db = scopeToTenant(database.prisma, tenant.id);
  const calls = await db.call.findMany({ orderBy: { startedAt: "desc" } });
  expect(calls.map((c) => c.outcome)).toEqual(["connected_interested", "left_voicemail", "no_answer", "connected_not_interested"]);
  expect(calls.every((c) => c.endedAt && c.durationSeconds !== null && c.startedAt < new Date())).toBe(true);
  const detail = await getDealDetail(db, calls[0].dealId!);
  expect(detail!.timeline.find((e) => e.id === calls[0].id)?.title).toMatch(/^Call to \+\d+ by .+: Connected – interested, 4m 12s$/);
});
