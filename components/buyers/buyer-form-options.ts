/** Labels for the buyer form's choices; the values are lib/buyers/schema's enums. */
export const BUYER_FORM_OPTIONS = {
  statuses: [
    { value: "ACTIVE", label: "Active" },
    { value: "INACTIVE", label: "Inactive" },
    { value: "DO_NOT_USE", label: "Do not use" },
  ],
  rehabAppetites: [
    { value: "ANY", label: "Any" },
    { value: "LIGHT", label: "Light" },
    { value: "MEDIUM", label: "Medium" },
    { value: "HEAVY", label: "Heavy" },
  ],
  propertyTypes: [
    { value: "SFR", label: "Single family" },
    { value: "MULTI", label: "Multifamily" },
    { value: "CONDO", label: "Condo" },
    { value: "TOWNHOUSE", label: "Townhouse" },
    { value: "LAND", label: "Land" },
    { value: "MOBILE", label: "Mobile home" },
    { value: "COMMERCIAL", label: "Commercial" },
  ],
  strategies: [
    { value: "FLIP", label: "Flip" },
    { value: "RENTAL", label: "Rental" },
    { value: "WHOLESALE", label: "Wholesale" },
  ],
} as const;
