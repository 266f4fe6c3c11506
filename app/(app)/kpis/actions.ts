"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";
import { AutoThrottleInput, setKpiAutoThrottle } from "@/lib/kpi/settings";
import { liftThrottle } from "@/lib/outbound/throttle";

export const setAutoThrottleAction = tenantAction("kpis.setAutoThrottle", "engines:manage", AutoThrottleInput, async (ctx, input) => {
  const result = await setKpiAutoThrottle(ctx.db, input, auditContext(ctx));
  revalidatePath("/kpis");
  return result;
});

export const liftThrottleAction = tenantAction("kpis.liftThrottle", "engines:manage", z.object({}), async (ctx) => {
  const lifted = await liftThrottle(ctx.db, { ctx: auditContext(ctx) });
  revalidatePath("/kpis");
  return { lifted };
});
