/** Which model a workspace's scores come from: its ACTIVE learned model, or the points table. */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { POINTS_MODEL_REF } from "./score";
import type { LearnedModelParameters, ModelMetrics, ScoringModelRef } from "./types";

export const learnedModelName = (version: number) => `learned-${version}`;

/** The model scores come from: the ACTIVE learned model, or the points table. */
export async function activeScoringModel(db: TenantDb | TenantTransaction): Promise<ScoringModelRef> {
  const active = await db.scoringModel.findFirst({ where: { status: "ACTIVE" }, orderBy: { version: "desc" } });
  if (!active) return POINTS_MODEL_REF;
  const metrics = active.metrics as unknown as ModelMetrics;
  return { kind: "learned", name: learnedModelName(active.version), version: active.version, outcomes: active.outcomes, auc: metrics.auc, parameters: active.parameters as unknown as LearnedModelParameters };
}

