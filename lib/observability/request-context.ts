import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The request id of the work in progress, carried across awaits: route handlers set it,
 * events written meanwhile keep it in their data, and the jobs and engine runs those events
 * start run under it again, so one id follows the work from the request to its last log line.
 */
const globalForContext = globalThis as unknown as { dealflowRequestContext?: AsyncLocalStorage<{ requestId: string }> };
const storage = (globalForContext.dealflowRequestContext ??= new AsyncLocalStorage<{ requestId: string }>());

export function withRequestId<T>(requestId: string | null | undefined, run: () => T): T {
  return requestId ? storage.run({ requestId }, run) : run();
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
