import { Inngest } from "inngest";

/**
 * The app's Inngest client. Without INNGEST_EVENT_KEY/INNGEST_SIGNING_KEY it talks to a
 * local Dev Server (INNGEST_DEV=1 or INNGEST_BASE_URL), which users start with
 * `npx inngest-cli@latest dev`. When no server answers, sends fail and callers fall back.
 */
export const inngest = new Inngest({
  id: "dealflow",
  isDev: process.env.INNGEST_DEV ? process.env.INNGEST_DEV !== "0" : !process.env.INNGEST_SIGNING_KEY,
});
