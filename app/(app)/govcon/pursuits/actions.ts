"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { StageProbabilitiesInput } from "@/lib/govcon/pipeline";
import { CreatePursuitInput, MovePursuitInput, PatchPursuitInput } from "@/lib/govcon/pursuit-schema";
import { createPursuit, movePursuit, patchPursuit } from "@/lib/govcon/pursuits";
import { saveStageProbabilities } from "@/lib/govcon/stage-probabilities";
import { tenantAction } from "@/lib/http/action";

const BOARD = "/govcon/pursuits";

/** A card dropped on another column; No bid also declines its opportunity. */
export const movePursuitAction = tenantAction("govcon.pursuit-move", "govcon:work", MovePursuitInput, async (ctx, input) => {
  const moved = await movePursuit(ctx.db, input, auditContext(ctx));
  revalidatePath(BOARD);
  return { id: moved.id };
});

export const savePursuitAction = tenantAction(
  "govcon.pursuit-save",
  "govcon:work",
  PatchPursuitInput,
  async (ctx, input) => {
    const saved = await patchPursuit(ctx.db, input, auditContext(ctx));
    revalidatePath(BOARD);
    return saved;
  },
  { message: "Pursuit saved" },
);

export const createPursuitAction = tenantAction(
  "govcon.pursuit-create",
  "govcon:work",
  CreatePursuitInput,
  async (ctx, input) => {
    const created = await createPursuit(ctx.db, input, auditContext(ctx));
    revalidatePath(BOARD);
    return { id: created.id };
  },
  { message: "Pursuit added to Identified" },
);

export const saveStageProbabilitiesAction = tenantAction(
  "govcon.stage-probabilities-save",
  "govcon:manage",
  StageProbabilitiesInput,
  async (ctx, input) => {
    const saved = await saveStageProbabilities(ctx.db, input, auditContext(ctx));
    revalidatePath(BOARD);
    return saved;
  },
  { message: "Stage probabilities saved" },
);
