import { Badge } from "@/components/ui/badge";
import { BASIS_LABELS, CONSENT_BASES, type ConsentBasisValue } from "@/lib/outbound/consent-rules";

/** The options of a basis select; blank lets the wording decide (words given: prior express written consent). */
export function ConsentBasisOptions() {
  return (
    <>
      <option value="">From the wording</option>
      {CONSENT_BASES.map((basis) => (
        <option key={basis} value={basis}>{BASIS_LABELS[basis]}</option>
      ))}
    </>
  );
}

const SHORT: Record<ConsentBasisValue, string> = {
  PRIOR_EXPRESS_WRITTEN: "written consent",
  ESTABLISHED_RELATIONSHIP: "relationship",
  NONE: "no basis",
};

/** A record's basis as a small badge, its full name on hover. */
export function ConsentBasisBadge({ basis }: { basis: ConsentBasisValue }) {
  return (
    <Badge variant={basis === "NONE" ? "outline" : "secondary"} title={BASIS_LABELS[basis]}>
      {SHORT[basis]}
    </Badge>
  );
}
