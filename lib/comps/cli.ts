import { selectComps } from "./rules";
import type { CompsSelectionInput } from "./schema";

/** `dealflow comps --file F`: the comps of a subject among the file's candidates, as of the file's date (or now). */
export function selectCompsFromFile(input: CompsSelectionInput, now = new Date()) {
  const asOf = input.asOf ? new Date(input.asOf) : now;
  const { comps, arv, low, high, confidence, windowMonths, excluded } = selectComps(input.subject, input.candidates, asOf);
  return { comps, arv, low, high, confidence, windowMonths, excluded };
}
