import pino from "pino";
import { currentRequestId } from "./request-context";

const globalForLogger = globalThis as unknown as { dealflowLogger?: pino.Logger };

/** One JSON line per event; request-scoped lines carry `requestId` through `child()`. */
export const logger: pino.Logger = (globalForLogger.dealflowLogger ??= pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "dealflow" },
  timestamp: pino.stdTimeFunctions.isoTime,
  // Lines written while a request (or the work it started) runs carry its id.
  mixin: () => {
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  },
  redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token"], remove: true },
}));

export function requestLogger(requestId: string | undefined) {
  return requestId ? logger.child({ requestId }) : logger;
}
