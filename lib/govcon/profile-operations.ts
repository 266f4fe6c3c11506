import type { ApiOperation } from "@/lib/api/openapi";
import { GovConProfileDocument } from "./profile-document";

/** The v1 operations on the GovCon profile, in the OpenAPI document. */
export const PROFILE_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/govcon/profile",
    summary:
      "The workspace's GovCon profile (null before one is saved): naicsCodes, pscCodes, setAsides, keywords, excludedKeywords, states, valueMinDollars, valueMaxDollars, capabilityStatement, prepDays, descriptionMinFit and fitWeights (the weights that differ from the defaults), with weights, every bid-fit weight in force. Answers { profile, weights }",
    scope: "govcon:read",
  },
  {
    method: "put",
    path: "/api/v1/govcon/profile",
    summary:
      "Replace the GovCon profile (audited; stored opportunities are scored again). Lists as arrays or comma-separated text; NAICS codes or prefixes of 2 to 6 digits, set-asides as SAM.gov codes (SBA, 8A, HZC, SDVOSBC, WOSB, EDWOSB, VSA...), states as two-letter codes. fitWeights names the weights that differ from the defaults; weights left out return to their default. 422 names the invalid field (naicsCodes.1, setAsides.0...). Answers { profile, weights }",
    scope: "govcon:write",
    body: GovConProfileDocument,
    idempotent: true,
  },
];
