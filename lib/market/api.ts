/** What the API's and the command line's area paths share. */
import { ExpectedError } from "@/lib/errors";
import { areaCentroid, areaCodeOf } from "@/lib/geo/area";

/**
 * The postal area a path names: a ZIP, a ZIP+4, an FSA or a whole Canadian postal code
 * ("78201-1234" -> "78201", "m5v 3l9" -> "M5V"). A code the shipped dataset does not know is
 * a 404, whatever its shape.
 */
export function knownAreaCode(raw: string): string {
  const code = areaCodeOf(raw.trim());
  if (!code || !areaCentroid(code)) throw new ExpectedError("not_found", `"${raw}" is not a known US ZIP or Canadian postal area`);
  return code;
}
