import { ExpectedError } from "@/lib/errors";

/**
 * A streaming reader for a multipart/form-data body with text fields and one file.
 * `request.formData()` would hold the whole file in memory; this hands the file part to a
 * sink chunk by chunk, so a 50 MB upload costs a few chunks of memory.
 */

export interface FileSink {
  write(chunk: Uint8Array): Promise<void>;
}

export interface MultipartOptions {
  /** Called when the file part starts; the text fields before it are already known. */
  openFile(fileName: string, fields: Record<string, string>): Promise<FileSink>;
  maxFileBytes: number;
  maxFieldBytes?: number;
}

export interface MultipartResult {
  fields: Record<string, string>;
  file: { fileName: string; bytes: number } | null;
  /** False when the body ended before the closing boundary: the upload was cut short. */
  complete: boolean;
}

export function boundaryOf(contentType: string | null): string {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? "");
  const boundary = match?.[1] ?? match?.[2]?.trim();
  if (!contentType?.toLowerCase().startsWith("multipart/form-data") || !boundary) {
    throw new ExpectedError("bad_request", "Send the file as multipart/form-data");
  }
  return boundary;
}

function parsePartHeaders(block: string): { name: string; fileName: string | null } {
  const disposition = block.split("\r\n").find((line) => /^content-disposition:/i.test(line)) ?? "";
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) throw new ExpectedError("bad_request", "A form part has no name");
  const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
  return { name, fileName };
}

type State = "preamble" | "boundary" | "headers" | "body" | "done";

interface OpenPart {
  name: string;
  fileName: string | null;
  sink: FileSink | null;
  text: Buffer[];
  size: number;
}

export async function readMultipart(
  body: AsyncIterable<Uint8Array>,
  boundary: string,
  options: MultipartOptions,
): Promise<MultipartResult> {
  const { maxFileBytes, maxFieldBytes = 1024 * 1024 } = options;
  const opening = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const fields: Record<string, string> = {};
  let file: MultipartResult["file"] = null;
  let state = "preamble" as State; // "as": the closures below change it
  let buffer: Buffer = Buffer.alloc(0);
  let part = null as OpenPart | null; // "as": the closures below change it

  async function emit(data: Buffer) {
    if (!part || data.length === 0) return;
    part.size += data.length;
    if (part.sink) {
      if (part.size > maxFileBytes) throw new ExpectedError("invalid", `The file is larger than ${Math.round(maxFileBytes / 1048576)} MB`);
      await part.sink.write(data);
    } else {
      if (part.size > maxFieldBytes) throw new ExpectedError("invalid", `The field ${part.name} is too large`);
      part.text.push(data);
    }
  }

  function endPart() {
    if (!part) return;
    if (part.sink) file = { fileName: part.fileName ?? "upload.csv", bytes: part.size };
    else fields[part.name] = Buffer.concat(part.text).toString("utf8");
    part = null;
  }

  // Consumes as much of `buffer` as the state allows; returns false when it needs more bytes.
  async function step(): Promise<boolean> {
    if (state === "preamble" || state === "headers") {
      const marker = state === "preamble" ? opening : Buffer.from("\r\n\r\n");
      const at = buffer.indexOf(marker);
      if (at < 0 && buffer.length > 64 * 1024) throw new ExpectedError("bad_request", "The upload is not valid multipart/form-data");
      if (at < 0) return false;
      if (state === "preamble") {
        buffer = buffer.subarray(at + opening.length);
        state = "boundary";
        return true;
      }
      const { name, fileName } = parsePartHeaders(buffer.subarray(0, at).toString("utf8"));
      buffer = buffer.subarray(at + 4);
      const sink = fileName !== null ? await options.openFile(fileName, { ...fields }) : null;
      if (sink && file) throw new ExpectedError("bad_request", "Send one file per import");
      part = { name, fileName, sink, text: [], size: 0 };
      state = "body";
      return true;
    }
    if (state === "body") {
      const at = buffer.indexOf(delimiter);
      if (at < 0) {
        // Keep a tail that could be the start of a delimiter split across chunks.
        const keep = Math.min(buffer.length, delimiter.length - 1);
        await emit(buffer.subarray(0, buffer.length - keep));
        buffer = buffer.subarray(buffer.length - keep);
        return false;
      }
      await emit(buffer.subarray(0, at));
      endPart();
      buffer = buffer.subarray(at + delimiter.length);
      state = "boundary";
      return true;
    }
    if (state === "boundary") {
      // After a boundary: "--" closes the body, anything else starts the next part's headers.
      if (buffer.length < 2) return false;
      state = buffer[0] === 0x2d && buffer[1] === 0x2d ? "done" : "headers";
      return state === "headers";
    }
    return false;
  }

  for await (const chunk of body) {
    if (state === "done") continue; // the epilogue is ignored
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    buffer = buffer.length ? Buffer.concat([buffer, bytes]) : bytes;
    while (await step());
  }
  // Cut short inside the file part: say how much of it arrived.
  if (part?.sink) file = { fileName: part.fileName ?? "upload.csv", bytes: part.size };
  return { fields, file, complete: state === "done" };
}

/** A web ReadableStream as an async iterable (TypeScript's DOM types do not declare it one). */
export async function* iterateStream(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
