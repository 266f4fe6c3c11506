"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";
import { saveIntentSettings } from "@/lib/signals/settings";
import { IntentSettingsFormInput } from "@/lib/signals/settings-form";

export const saveIntentSettingsAction = tenantAction(
  "signals.settings.save",
  "signals:settings",
  IntentSettingsFormInput,
  async (ctx, input) => {
    const saved = await saveIntentSettings(ctx.db, input, auditContext(ctx), { source: "settings" });
    revalidatePath("/settings/signals");
    return { version: saved.version };
  },
  { message: "Saved as a new version; scores follow it from the next signal and the nightly decay" },
);
