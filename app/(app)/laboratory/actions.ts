"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";
import { ExperimentFormInput } from "@/lib/laboratory/schema";
import { archiveExperiment, createExperiment, promoteExperiment, runExperiment } from "@/lib/laboratory/service";

const ExperimentRef = z.object({ experimentId: z.string().min(1) });

export const createExperimentAction = tenantAction("laboratory.create", "laboratory:run", ExperimentFormInput, async (ctx, input) => {
  const row = await createExperiment(ctx.db, input, auditContext(ctx));
  revalidatePath("/laboratory");
  return { id: row.id };
}, { message: "Experiment created" });

export const runExperimentAction = tenantAction("laboratory.run", "laboratory:run", ExperimentRef, async (ctx, { experimentId }) => {
  const { summary } = await runExperiment(ctx.db, experimentId);
  revalidatePath(`/laboratory/${experimentId}`);
  revalidatePath("/laboratory");
  return { considered: summary.considered, labProposed: summary.labProposed, productionProposed: summary.productionProposed };
});

/** Owners only (laboratory:promote): the configuration becomes production's next version. */
export const promoteExperimentAction = tenantAction("laboratory.promote", "laboratory:promote", ExperimentRef, async (ctx, { experimentId }) => {
  const result = await promoteExperiment(ctx.db, experimentId, auditContext(ctx));
  revalidatePath(`/laboratory/${experimentId}`);
  revalidatePath("/laboratory");
  revalidatePath("/settings/signals");
  return result;
});

export const archiveExperimentAction = tenantAction("laboratory.archive", "laboratory:run", ExperimentRef, async (ctx, { experimentId }) => {
  const result = await archiveExperiment(ctx.db, experimentId, auditContext(ctx));
  revalidatePath(`/laboratory/${experimentId}`);
  revalidatePath("/laboratory");
  return result;
});
