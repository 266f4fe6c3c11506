/**
 * Runs once when the server starts. The embedded database must be closed cleanly on
 * shutdown: PGlite keeps its data in one process and a killed process can leave it unusable.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { closeDatabase } = await import("@/lib/db/client");
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void closeDatabase().finally(() => process.exit(0));
    });
  }
  // Outbox events leave through Inngest; without a registered sender they stay pending.
  const { registerInngestSender } = await import("@/inngest/sender");
  registerInngestSender();
  // Sends outbox events to Inngest every few seconds, so events written while it was down
  // go out as soon as it answers again.
  const { startDispatcherLoop } = await import("@/lib/events/dispatch-runtime");
  startDispatcherLoop();
  // The embedded database has no autovacuum; refresh its statistics hourly.
  const { startUpkeepLoop } = await import("@/lib/db/upkeep");
  startUpkeepLoop();
}
