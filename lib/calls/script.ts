/**
 * What the member says on the call: a short script for the deal's stage, with the ladder
 * step's own words first when the call is a ladder's CALL step. Pure.
 */
import { renderTemplate, type TemplateValues } from "@/lib/ladder/template";

const STAGE_SCRIPTS: Record<string, string> = {
  NEW: "Hi {{firstName}}, this is {{senderName}}. I'm calling about {{street}} in {{city}}: would you consider an offer on it? Ask about its condition, how soon they want to sell, and what price would work.",
  UNDERWRITTEN: "Hi {{firstName}}, this is {{senderName}}. I'm calling about {{street}}: we looked at it and can make a no-obligation offer. Ask about repairs it needs and their timeline before naming a number.",
  CONTACTED: "Hi {{firstName}}, {{senderName}} again, following up on {{street}}. Ask whether they had time to think about selling, and what would make it worth it for them.",
  NEGOTIATING: "Hi {{firstName}}, {{senderName}} here about our offer on {{street}}. Go over what is left to agree, confirm their timeline, and set the next step.",
  UNDER_CONTRACT: "Hi {{firstName}}, {{senderName}} here about {{street}}. Confirm the closing steps, access for the inspection, and answer any question they have.",
};
const FALLBACK = "Hi {{firstName}}, this is {{senderName}} calling about {{street}}. Ask how things stand and whether they would still consider selling.";

export function callScript(stage: string | null, values: TemplateValues, stepInstruction: string | null = null): string[] {
  const script = renderTemplate(STAGE_SCRIPTS[stage ?? ""] ?? FALLBACK, values);
  const step = stepInstruction?.trim() ? renderTemplate(stepInstruction, values) : null;
  return step ? [step, script] : [script];
}
