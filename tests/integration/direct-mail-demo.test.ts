import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { DEMO_NORTH_SLUG, DEMO_TENANT_SLUG, seedDemo } from "@/lib/demo/seed";
import { readStoredFile } from "@/lib/files";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let filesDir: string;

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(os.tmpdir(), "dealflow-mail-demo-"));
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

it.each([DEMO_TENANT_SLUG, DEMO_NORTH_SLUG])("the %s demo has a delivered letter and a postcard on its way, each with its PDF proof", async (slug) => {
  const tenant = await database.prisma.tenant.findUniqueOrThrow({ where: { slug } });
  const db = scopeToTenant(database.prisma, tenant.id);
  const pieces = await db.mailPiece.findMany({ orderBy: { createdAt: "asc" } });
  expect(pieces.map((p) => [p.kind, p.status])).toEqual([
    ["LETTER", "DELIVERED"],
    ["POSTCARD", expect.stringMatching(/^(MAILED|IN_TRANSIT)$/)],
  ]);
  for (const piece of pieces) {
    const proof = await readStoredFile(db, piece.proofFileId!);
    expect(Buffer.from(proof!.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
  }
});
