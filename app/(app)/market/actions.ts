"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";
import type { ActionResult } from "@/lib/http/result";
import { AreaBlacklistInput, AreaCodeParam } from "@/lib/market/schema";
import { setAreaBlacklist } from "@/lib/market/service";

export interface AreaBlacklistResult {
  areaCode: string;
  blacklisted: boolean;
}

const blacklistArea = (areaCode: string) =>
  tenantAction("market.setAreaBlacklist", "market:blacklist", AreaBlacklistInput, async (ctx, input): Promise<AreaBlacklistResult> => {
    const area = await setAreaBlacklist(ctx.db, areaCode, input, auditContext(ctx));
    revalidatePath("/market");
    return { areaCode: area.areaCode, blacklisted: area.blacklisted };
  }, { message: "Saved" });

/** The area card's blacklist toggle: the area's code, then the mark (a reason is required to set it). */
export async function setAreaBlacklistAction(
  previous: ActionResult<AreaBlacklistResult> | null,
  payload: { areaCode: string; blacklisted: boolean; reason?: string },
): Promise<ActionResult<AreaBlacklistResult>> {
  const code = AreaCodeParam.safeParse(payload.areaCode);
  if (!code.success) return { ok: false, error: "That is not a known postal area", issues: [{ path: "areaCode", message: "Unknown postal area" }] };
  const { areaCode: _areaCode, ...input } = payload;
  return blacklistArea(code.data)(previous, input);
}
