/**
 * The shape of SAM.gov's Get Opportunities Public API v2 (`GET /opportunities/v2/search`),
 * as GSA documents it. Every field may be missing or null in real answers, so each is
 * optional; the sync reads them defensively and keeps the notice as sent in `raw`.
 */

export interface SamPointOfContact {
  type?: string | null;
  fullName?: string | null;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
  fax?: string | null;
}

export interface SamCodeName {
  code?: string | null;
  name?: string | null;
}

export interface SamPlaceOfPerformance {
  streetAddress?: string | null;
  city?: SamCodeName | null;
  state?: SamCodeName | null;
  zip?: string | null;
  country?: SamCodeName | null;
}

export interface SamAward {
  date?: string | null;
  number?: string | null;
  /** A string or a number, as SAM.gov sends it. */
  amount?: string | number | null;
  awardee?: { name?: string | null; ueiSAM?: string | null; location?: Record<string, unknown> | null } | null;
}

export interface SamNotice {
  noticeId?: string | null;
  title?: string | null;
  solicitationNumber?: string | null;
  /** "DEPT OF DEFENSE.DEPT OF THE ARMY.W7NR USA CONTRACTING CMD" */
  fullParentPathName?: string | null;
  fullParentPathCode?: string | null;
  department?: string | null;
  subTier?: string | null;
  office?: string | null;
  /** Mixed formats: "2018-05-04", "2018-05-09 23:45:22+00", "2018-05-07T20:00:00-05:00". */
  postedDate?: string | null;
  /** "Solicitation", "Combined Synopsis/Solicitation", "Sources Sought"... (NOTICE_TYPES) */
  type?: string | null;
  baseType?: string | null;
  archiveType?: string | null;
  archiveDate?: string | null;
  typeOfSetAsideDescription?: string | null;
  /** A SAM.gov set-aside code (SET_ASIDES), or null when open to all. */
  typeOfSetAside?: string | null;
  responseDeadLine?: string | null;
  naicsCode?: string | null;
  naicsCodes?: string[] | null;
  /** The product and service code (PSC). */
  classificationCode?: string | null;
  /** "Yes" or "No". */
  active?: string | null;
  award?: SamAward | null;
  pointOfContact?: SamPointOfContact[] | null;
  /** A link to the notice's description (the noticedesc endpoint), not the text. */
  description?: string | null;
  organizationType?: string | null;
  officeAddress?: { zipcode?: string | null; city?: string | null; countryCode?: string | null; state?: string | null } | null;
  placeOfPerformance?: SamPlaceOfPerformance | null;
  additionalInfoLink?: string | null;
  uiLink?: string | null;
  links?: { rel?: string; href?: string }[] | null;
  /** Attachment download links. */
  resourceLinks?: string[] | null;
}

export interface SamSearchResponse {
  totalRecords: number;
  limit: number;
  offset: number;
  opportunitiesData: SamNotice[];
  links?: { rel?: string; href?: string }[];
}
