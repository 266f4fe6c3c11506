import type { TenantDb } from "@/lib/db/tenant";
import { checkInngest } from "@/lib/system/health";
import type { ExecutorKind } from "./executor";
import { jobBacklog, type JobBacklog } from "./jobs";
import { currentExecutor } from "./process";

export interface ExecutorOverview {
  kind: ExecutorKind;
  reason: string;
  /** The embedded runner's jobs of this workspace. */
  jobs: JobBacklog | null;
  /** Whether Inngest answers, when it is the executor. */
  reachable: boolean | null;
  url: string | null;
}

/** What the Engines page says about who runs the background jobs, for one workspace. */
export async function executorOverview(db: TenantDb): Promise<ExecutorOverview> {
  const executor = await currentExecutor();
  if (executor.kind === "embedded") return { ...executor, jobs: await jobBacklog(db), reachable: null, url: null };
  const check = await checkInngest();
  return { ...executor, jobs: null, reachable: check.status === "ok", url: String(check.url ?? "") };
}
