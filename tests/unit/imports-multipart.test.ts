import { describe, expect, it } from "vitest";
import { boundaryOf, readMultipart } from "@/lib/imports/multipart";

const BOUNDARY = "----dealflow7MA4YWxkTrZu0gW";

function body(parts: { name: string; value: string; fileName?: string }[], close = true): Buffer {
  const text = parts
    .map((p) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.name}"${p.fileName ? `; filename="${p.fileName}"\r\nContent-Type: text/csv` : ""}\r\n\r\n${p.value}\r\n`)
    .join("");
  return Buffer.from(close ? `${text}--${BOUNDARY}--\r\n` : text);
}

async function* chunks(buffer: Buffer, size: number) {
  for (let i = 0; i < buffer.length; i += size) yield new Uint8Array(buffer.subarray(i, i + size));
}

async function read(buffer: Buffer, size: number, maxFileBytes = 1_000_000) {
  const received: Buffer[] = [];
  let fieldsAtFile: Record<string, string> = {};
  const result = await readMultipart(chunks(buffer, size), BOUNDARY, {
    maxFileBytes,
    async openFile(_name, fields) {
      fieldsAtFile = fields;
      return { write: async (chunk) => void received.push(Buffer.from(chunk)) };
    },
  });
  return { ...result, content: Buffer.concat(received).toString("utf8"), fieldsAtFile };
}

describe("readMultipart", () => {
  const csv = "Address,Zip\r\n12 Main St,90210\r\n--not a boundary\r\n\r\n";
  const upload = body([{ name: "mapping", value: '[{"header":"Address","field":"street"}]' }, { name: "fileSize", value: "42" }, { name: "file", value: csv, fileName: "leads.csv" }]);

  it.each([1, 3, 17, 64, 100_000])("streams the file part to the sink, whatever the chunk size (%i)", async (size) => {
    const result = await read(upload, size);
    expect(result.complete).toBe(true);
    expect(result.content).toBe(csv);
    expect(result.file).toEqual({ fileName: "leads.csv", bytes: Buffer.byteLength(csv) });
    expect(result.fieldsAtFile).toEqual({ mapping: '[{"header":"Address","field":"street"}]', fileSize: "42" });
  });

  it("says when the body ends before the closing boundary (a truncated upload)", async () => {
    const cut = upload.subarray(0, upload.length - 30);
    expect((await read(cut, 16)).complete).toBe(false);
    expect((await read(body([{ name: "file", value: csv, fileName: "a.csv" }], false), 16)).complete).toBe(false);
  });

  it("refuses a file over the limit", async () => {
    await expect(read(upload, 8, 10)).rejects.toThrow(/larger than/);
  });

  it("reads the boundary from the content type", () => {
    expect(boundaryOf(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(boundaryOf('multipart/form-data; boundary="abc"')).toBe("abc");
    expect(() => boundaryOf("application/json")).toThrow(/multipart/);
  });
});
