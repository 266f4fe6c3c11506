/**
 * Runs once when the server starts. The Node.js work lives in its own module, imported only
 * under the Node.js runtime, so the Edge build never sees process.exit and friends.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startNodeServer } = await import("./instrumentation-node");
    await startNodeServer();
  }
}
