/**
 * SAM.gov's codes for set-asides and notice types, shared by the profile form, the filters,
 * the fit score and the fixture feed. Imported by client components.
 */

/** Set-aside codes as `typeOfSetAside` carries them, with SAM.gov's descriptions. */
export const SET_ASIDES = {
  SBA: "Total Small Business Set-Aside (FAR 19.5)",
  SBP: "Partial Small Business Set-Aside (FAR 19.5)",
  "8A": "8(a) Set-Aside (FAR 19.8)",
  "8AN": "8(a) Sole Source (FAR 19.8)",
  HZC: "Historically Underutilized Business (HUBZone) Set-Aside (FAR 19.13)",
  HZS: "Historically Underutilized Business (HUBZone) Sole Source (FAR 19.13)",
  SDVOSBC: "Service-Disabled Veteran-Owned Small Business (SDVOSB) Set-Aside (FAR 19.14)",
  SDVOSBS: "Service-Disabled Veteran-Owned Small Business (SDVOSB) Sole Source (FAR 19.14)",
  WOSB: "Women-Owned Small Business (WOSB) Program Set-Aside (FAR 19.15)",
  WOSBSS: "Women-Owned Small Business (WOSB) Program Sole Source (FAR 19.15)",
  EDWOSB: "Economically Disadvantaged WOSB (EDWOSB) Program Set-Aside (FAR 19.15)",
  EDWOSBSS: "Economically Disadvantaged WOSB (EDWOSB) Program Sole Source (FAR 19.15)",
  LAS: "Local Area Set-Aside (FAR 26.2)",
  IEE: "Indian Economic Enterprise (IEE) Set-Aside (specific to Department of Interior and Indian Health Services)",
  ISBEE: "Indian Small Business Economic Enterprise (ISBEE) Set-Aside (specific to Department of Interior and Indian Health Services)",
  BICiv: "Buy Indian Set-Aside (specific to Department of Health and Human Services, Indian Health Services)",
  VSA: "Veteran-Owned Small Business Set-Aside (specific to Department of Veterans Affairs)",
  VSS: "Veteran-Owned Small Business Sole Source (specific to Department of Veterans Affairs)",
} as const;
export type SetAsideCode = keyof typeof SET_ASIDES;
export const SET_ASIDE_CODES = Object.keys(SET_ASIDES) as [SetAsideCode, ...SetAsideCode[]];

/** Notice types: SAM.gov's `type` text and the `ptype` code its search filters by. */
export const NOTICE_TYPES = {
  Presolicitation: "p",
  Solicitation: "o",
  "Combined Synopsis/Solicitation": "k",
  "Sources Sought": "r",
  "Special Notice": "s",
  "Award Notice": "a",
  Justification: "u",
  "Sale of Surplus Property": "g",
  "Intent to Bundle Requirements (DoD-Funded)": "i",
} as const;
export type NoticeType = keyof typeof NOTICE_TYPES;
export const NOTICE_TYPE_NAMES = Object.keys(NOTICE_TYPES) as [NoticeType, ...NoticeType[]];

export const OPPORTUNITY_STATUSES = ["NEW", "TRACKING", "PURSUING", "NO_BID"] as const;
export type OpportunityStatusName = (typeof OPPORTUNITY_STATUSES)[number];

export const PURSUIT_STAGES = ["IDENTIFIED", "QUALIFYING", "CAPTURE", "PROPOSAL", "SUBMITTED", "WON", "LOST", "NO_BID"] as const;
export type PursuitStageName = (typeof PURSUIT_STAGES)[number];

/** Two-letter US state and territory codes a place of performance may carry. */
export const US_STATES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
  "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
  "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
] as const;
