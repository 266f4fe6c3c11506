import { checkTemplateContent, type ContentChannel } from "@/lib/deliverability/content-check";
import { cn } from "@/lib/ui/cn";

/**
 * What the content check says about a template, as the user types: filtered phrases,
 * shouting, link stuffing and shorteners, each with its reason. Rendered as a field's hint
 * (so the control describes itself with it); "Refused" findings also stop the save.
 */
export function ContentFindings({ text, channel, className }: { text: string; channel: ContentChannel; className?: string }) {
  const findings = checkTemplateContent(text, channel);
  if (findings.length === 0) return null;
  return (
    <span className={cn("grid gap-1", className)} data-testid="content-findings">
      {findings.map((finding, i) => (
        <span key={`${finding.code}-${finding.phrase ?? i}`} className={cn("block text-xs", finding.severity === "block" ? "font-medium text-destructive" : "text-amber-800 dark:text-amber-300")}>
          <span className="font-medium">{finding.severity === "block" ? "Refused: " : "Carrier filter risk: "}</span>
          {finding.reason}
        </span>
      ))}
    </span>
  );
}
