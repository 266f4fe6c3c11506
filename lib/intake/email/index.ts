/**
 * Deal-email intake: turns free-text JV wholesale emails into structured deals, each field
 * with a confidence and the text it came from. See parse.ts for the pipeline.
 */
export type {
  EmailInput, FieldName, FieldProvenance, ParsedDeal, ParsedDealFields, ParseResult, PropertyType,
} from "./types";
export { FIELD_NAMES } from "./types";
export { parseDealEmail } from "./parse";
export { parseRawEmail } from "./raw";
export { htmlToText } from "./html";
