/**
 * Which drafter a workspace uses: an OpenAI-compatible chat model when the workspace's
 * language-model credentials (Integrations) or the environment (LLM_BASE_URL, LLM_API_KEY,
 * LLM_MODEL) name one, else the template drafter.
 */
import type { Drafter } from "@/lib/approvals/types";
import type { TenantDb } from "@/lib/db/tenant";
import { resolveProviderCredentials } from "@/lib/providers/credentials";
import { createOpenAiDrafter } from "./openai";
import { createTemplateDrafter } from "./template";

export { draftWithTemplate, createTemplateDrafter } from "./template";
export { createOpenAiDrafter } from "./openai";

type Env = Record<string, string | undefined>;

/** The model used when the environment names a server but no model. */
export const DEFAULT_LLM_MODEL = "gpt-4o-mini";

export const templateDrafter: Drafter = createTemplateDrafter();

export async function drafterFor(db: TenantDb, env: Env = process.env): Promise<Drafter> {
  const resolved = await resolveProviderCredentials(db, "LLM", env);
  if (resolved.credentials) {
    const { kind, baseUrl, apiKey, model } = resolved.credentials;
    if (kind === "anthropic") {
      return createTemplateDrafter("The workspace's language model is Anthropic, which does not speak the OpenAI chat API this drafter uses, so the template wrote this draft.");
    }
    return createOpenAiDrafter({ baseUrl: baseUrl ?? null, apiKey, model });
  }
  const baseUrl = env.LLM_BASE_URL?.trim();
  const apiKey = env.LLM_API_KEY?.trim();
  if (baseUrl || apiKey) {
    // A local server (Ollama, vLLM) needs no key, but the client refuses to start without one.
    return createOpenAiDrafter({ baseUrl: baseUrl || null, apiKey: apiKey || "no-key", model: env.LLM_MODEL?.trim() || DEFAULT_LLM_MODEL });
  }
  return templateDrafter;
}
