/**
 * Reads the first records of a CSV text: enough for headers and a preview, in the
 * browser, from a slice of the file. A record cut off at the end of the slice is dropped
 * rather than shown half-read. RFC 4180: quoted fields may hold commas, quotes ("") and
 * line breaks.
 */
export function parseCsvHead(text: string, maxRecords: number, options: { complete?: boolean } = {}): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = "";
  };
  while (i < input.length && records.length < maxRecords) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\n") endRecord();
    else if (char !== "\r") field += char;
    i += 1;
  }
  // The slice ended inside a record: keep it only when the slice is the whole file.
  if (records.length < maxRecords && options.complete && !quoted && (field !== "" || record.length > 0)) endRecord();
  return records;
}
