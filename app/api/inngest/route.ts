import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/index";
import { registerInngestSender } from "@/inngest/sender";

registerInngestSender();

export const dynamic = "force-dynamic";
export const { GET, POST, PUT } = serve({ client: inngest, functions });
