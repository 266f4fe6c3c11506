import { describe, expect, it } from "vitest";
import { isLoopbackAddress } from "@/lib/http/peer-address";
import { inngestEndpointVerdict, withoutStacks } from "@/lib/runtime/endpoint-guard";
import { chooseExecutor } from "@/lib/runtime/executor";
import { cronSlotJobs } from "@/lib/runtime/handlers";
import { jobBackoffMs } from "@/lib/runtime/jobs";

const devServerUrl = "http://127.0.0.1:8288";

describe("chooseExecutor", () => {
  it("uses Inngest when both keys are set", () => {
    expect(chooseExecutor({ env: { INNGEST_SIGNING_KEY: "signkey-prod-1", INNGEST_EVENT_KEY: "e" }, devServerReachable: false, devServerUrl })).toMatchObject({ kind: "inngest", reason: expect.stringContaining("keys") });
  });

  it("uses the Dev Server with INNGEST_DEV=1 only when it answers", () => {
    expect(chooseExecutor({ env: { INNGEST_DEV: "1" }, devServerReachable: true, devServerUrl }).kind).toBe("inngest");
    const down = chooseExecutor({ env: { INNGEST_DEV: "1" }, devServerReachable: false, devServerUrl });
    expect(down).toMatchObject({ kind: "embedded", reason: expect.stringContaining("no Inngest Dev Server answers at http://127.0.0.1:8288") });
  });

  it("runs the jobs in the app when nothing is configured, or only one key is", () => {
    expect(chooseExecutor({ env: {}, devServerReachable: true, devServerUrl })).toMatchObject({ kind: "embedded", reason: expect.stringContaining("No Inngest server is configured") });
    expect(chooseExecutor({ env: { INNGEST_SIGNING_KEY: "k" }, devServerReachable: false, devServerUrl })).toMatchObject({ kind: "embedded", reason: expect.stringContaining("INNGEST_EVENT_KEY is not set") });
    expect(chooseExecutor({ env: { INNGEST_DEV: "0" }, devServerReachable: true, devServerUrl }).kind).toBe("embedded");
  });
});

describe("the Inngest endpoint's guard", () => {
  const signed = { devMode: false, method: "POST", peerAddress: null, hasSigningKey: true, signature: "t=1&s=abc" };

  it("lets only this machine call in dev mode", () => {
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.8.9.10"]) expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ["10.0.0.1", "203.0.113.7", "::ffff:10.0.0.1", "", null]) expect(isLoopbackAddress(address), String(address)).toBe(false);
    expect(inngestEndpointVerdict({ ...signed, devMode: true, signature: null, peerAddress: "::1" })).toEqual({ allow: true });
    expect(inngestEndpointVerdict({ ...signed, devMode: true, peerAddress: "192.168.1.20" })).toMatchObject({ allow: false, status: 403 });
  });

  it("otherwise wants a signature and a key to check it with", () => {
    expect(inngestEndpointVerdict(signed)).toEqual({ allow: true });
    expect(inngestEndpointVerdict({ ...signed, signature: null })).toMatchObject({ allow: false, status: 401 });
    expect(inngestEndpointVerdict({ ...signed, hasSigningKey: false })).toMatchObject({ allow: false, status: 401 });
  });

  it("strips stack traces from error bodies, keeping the message", () => {
    expect(withoutStacks({ name: "Error", message: "boom", stack: "Error: boom\n    at x.js:1", cause: { stack: "s", message: "inner" } })).toEqual({ name: "Error", message: "boom", cause: { message: "inner" } });
  });
});

describe("embedded runner timing", () => {
  it("names one job per cron slot: the latest slot at or before now", () => {
    const ids = cronSlotJobs(new Date("2026-03-05T05:59:00Z")).map((job) => job.id);
    expect(ids).toEqual([
      "cron:audit-digest:2026-03-04T06:00:00.000Z",
      "cron:engine-safety-net:2026-03-05T05:55:00.000Z",
      "cron:runtime-upkeep:2026-03-05T05:00:00.000Z",
      "cron:system-heartbeat:2026-03-05T05:55:00.000Z",
    ]);
  });

  it("backs off 10 s, 20 s, 40 s... up to 10 minutes", () => {
    expect([1, 2, 3, 4].map(jobBackoffMs)).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(jobBackoffMs(30)).toBe(600_000);
  });
});
