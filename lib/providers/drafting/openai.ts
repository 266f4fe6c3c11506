/**
 * A drafter behind any OpenAI-compatible chat API (OpenAI, or a local Ollama or vLLM server
 * by its base URL). The model gets the workspace's prompt and the person's context and
 * answers JSON; an answer that fails or does not parse (or lost the footer tokens) falls
 * back to the template, with the failure in the reasoning. The prompt and context are kept
 * on the draft; the API key never is.
 */
import OpenAI from "openai";
import { z } from "zod";
import { keepsFooterTokens } from "@/lib/approvals/templates";
import type { DraftContext, DraftProposal, Drafter } from "@/lib/approvals/types";
import { contextFacts, draftWithTemplate } from "./template";

export interface OpenAiDrafterOptions {
  /** Empty: the provider's public API (api.openai.com). */
  baseUrl?: string | null;
  apiKey: string;
  model: string;
  /** Per request, in milliseconds. */
  timeoutMs?: number;
}

/** What the model must answer; anything else is a bad answer. */
const ModelAnswer = z.object({
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(1600),
  confidence: z.number().min(0).max(1),
  reasoning: z.string().trim().min(1).max(1000),
});

const ANSWER_KEPT = 4000;

/** What the model reads about the person: the context without the templates (the prompt carries the instructions). */
function contextForModel(context: DraftContext) {
  const { templates, ...rest } = context;
  const footer = (context.subject.kind === "buyer" ? templates.buyer : templates.lead).body.split("\n").filter((line) => /\{\{\s*(postal_address|unsubscribe_link)\s*\}\}/.test(line));
  return { ...rest, footerLines: footer.map((line) => line.replace(/\{\{\s*sender_name\s*\}\}/g, context.sender.name).replace(/\{\{\s*company\s*\}\}/g, context.sender.company)), facts: contextFacts(context) };
}

function describeFailure(error: unknown): string {
  if (error instanceof z.ZodError) return `its answer did not have the expected fields (${error.issues.map((i) => i.path.join(".") || "answer").join(", ")})`;
  if (error instanceof SyntaxError) return "its answer was not JSON";
  if (error instanceof OpenAI.APIError) return `the API answered ${error.status ?? "with an error"}${error.message ? `: ${error.message.slice(0, 200)}` : ""}`;
  return error instanceof Error ? error.message.slice(0, 200) : String(error);
}

export function createOpenAiDrafter(options: OpenAiDrafterOptions): Drafter {
  const client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl || undefined, timeout: options.timeoutMs ?? 30_000, maxRetries: 1 });
  const name = `openai:${options.model}`;
  return {
    name,
    async draft(context) {
      const messages = [
        { role: "system" as const, content: context.templates.prompt },
        { role: "user" as const, content: JSON.stringify(contextForModel(context)) },
      ];
      const prompt: Record<string, unknown> = { model: options.model, baseUrl: options.baseUrl || null, messages };
      let answer: string | null = null;
      try {
        const completion = await client.chat.completions.create({ model: options.model, messages, response_format: { type: "json_object" }, temperature: 0.4 });
        answer = completion.choices[0]?.message?.content ?? null;
        if (!answer) throw new Error("its answer was empty");
        const parsed = ModelAnswer.parse(JSON.parse(answer));
        if (!keepsFooterTokens(parsed.body)) throw new Error("its body lost {{postal_address}} or {{unsubscribe_link}}");
        const template = draftWithTemplate(context);
        const proposal: DraftProposal = {
          subject: parsed.subject,
          body: parsed.body,
          reasoning: { summary: parsed.reasoning, signals: template.reasoning.signals, facts: template.reasoning.facts },
          confidence: Math.round(parsed.confidence * 100) / 100,
        };
        return { proposal, prompt: { ...prompt, answer: answer.slice(0, ANSWER_KEPT) } };
      } catch (error) {
        const failure = describeFailure(error);
        const proposal = draftWithTemplate(context);
        proposal.reasoning.summary = `${proposal.reasoning.summary} The language model (${options.model}) could not be used: ${failure}; drafted from the template instead.`;
        return { proposal, prompt: { ...prompt, answer: answer?.slice(0, ANSWER_KEPT) ?? null, error: failure, fallback: "template" } };
      }
    },
  };
}
