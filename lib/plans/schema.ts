import { z } from "zod";
import { PlanSchema } from "./plans";

/** The settings page's plan form and its server action. */
export const ChangePlanInput = z.object({ plan: PlanSchema });
export type ChangePlanInput = z.infer<typeof ChangePlanInput>;
