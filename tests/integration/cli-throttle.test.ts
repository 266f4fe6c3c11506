import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDealflow } from "../helpers/cli";

let dir: string;
type ThrottleOutput = { action: string; rate: number; reasons: string[] };

async function file(name: string, content: unknown) {
  const target = path.join(dir, name);
  await writeFile(target, typeof content === "string" ? content : JSON.stringify(content));
  return target;
}
const window = (sent: number, delivered: number, replies = 0, optOuts = 0) => ({ sent, settled: sent, delivered, replies, optOuts });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dealflow-cli-throttle-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("dealflow throttle --file F", () => {
  it("prints the decision for a sender's figures, under the default policy or the file's", async () => {
    const slow = await runDealflow<ThrottleOutput>(dir, ["throttle", "--file", await file("slow.json", { stats: { status: "ACTIVE", rate: 1, last24h: window(100, 80, 8), last7d: window(600, 560, 60) } })]);
    expect(slow.code).toBe(0);
    expect(slow.json).toEqual({ action: "slow", rate: 0.5, reasons: ["Delivery over the last 24 h is 80 %, under 85 %."] });

    const restore = await runDealflow<ThrottleOutput>(dir, ["throttle", "--file", await file("restore.json", { stats: { status: "SLOWED", rate: 0.25, last24h: window(100, 98, 10), last7d: window(600, 590, 60) } })]);
    expect(restore.json).toMatchObject({ action: "restore", rate: 0.5 });

    // A stricter policy in the file: 95 % delivery wanted.
    const strict = await runDealflow<ThrottleOutput>(dir, ["throttle", "--file", await file("strict.json", { stats: { last24h: window(100, 90, 10), last7d: window(600, 560, 60) }, policy: { minDeliveryRate: 0.95 } })]);
    expect(strict.json).toMatchObject({ action: "slow", rate: 0.5 });
  });

  it("refuses a missing or malformed file, naming the field", async () => {
    expect((await runDealflow(dir, ["throttle"])).stderr).toMatch(/--file is required/);
    const bad = await runDealflow(dir, ["throttle", "--file", await file("bad.json", { stats: { last24h: { sent: -1 }, last7d: window(1, 1) } })]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/stats\.last24h\.sent/);
  });
});
