import { registerInngestSender } from "@/inngest/sender";
import { closeDatabase } from "@/lib/db/client";
import { startUpkeepLoop } from "@/lib/db/upkeep";
import { startDispatcherLoop } from "@/lib/events/dispatch-runtime";
import { sendThroughOutbound } from "@/lib/ladder/sender";
import { logger } from "@/lib/observability/logger";
import { decideExecutor, recoverInterruptedImports, startEmbeddedRunner } from "@/lib/runtime/process";
import { stampPeerAddress } from "@/lib/http/peer-address";
import { startHeartbeatWatch } from "@/lib/system/heartbeat";

/** How soon after startup imports a dead server left RUNNING are marked failed. */
const IMPORT_RECOVERY_DELAY_MS = 5_000;

/** The server's startup under Node.js: clean shutdown, the executor of background work, upkeep. */
export async function startNodeServer(): Promise<void> {
  const startedAt = new Date();
  // The embedded database must be closed cleanly on shutdown: PGlite keeps its data in one
  // process and a killed process can leave it unusable.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void closeDatabase().finally(() => process.exit(0));
    });
  }
  // Dev mode serves the Inngest endpoint to loopback callers only, and /api/metrics and
  // /api/health/detailed answer loopback without a token; the socket address tells them.
  stampPeerAddress();
  const executor = await decideExecutor();
  logger.info({ executor: executor.kind, reason: executor.reason }, "background work executor chosen");
  // Outbox events leave through the executor's sender: to Inngest, or into the embedded
  // runner's jobs. Either way the dispatcher loop retries what could not be handed over.
  if (executor.kind === "inngest") registerInngestSender();
  else await startEmbeddedRunner(sendThroughOutbound);
  startDispatcherLoop();
  setTimeout(() => {
    recoverInterruptedImports(startedAt).catch((error: unknown) => logger.warn({ err: error }, "recovering interrupted imports failed"));
  }, IMPORT_RECOVERY_DELAY_MS).unref();
  // The embedded database has no autovacuum; refresh its statistics hourly.
  startUpkeepLoop();
  // Alerts owners when the executor stops writing its heartbeat.
  startHeartbeatWatch();
}
