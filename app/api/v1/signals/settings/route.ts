import { apiRoute } from "@/lib/http/api-route";
import { getIntentSettings } from "@/lib/signals/settings";

export const dynamic = "force-dynamic";

/** The signals settings in force (read-only here: they change on the settings page or by a promoted experiment). */
export const GET = apiRoute({ route: "/api/v1/signals/settings", scope: "signals:read" }, ({ db }) => getIntentSettings(db));
