/** A stored file as an HTTP answer: its own type and length, shown inline, never sniffed. */
export function storedFileResponse(file: { contentType: string; fileName: string }, bytes: Uint8Array, headers: { cacheControl: string; etag?: string }): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": file.contentType,
      "content-length": String(bytes.byteLength),
      "content-disposition": `inline; filename="${file.fileName.replace(/"/g, "")}"`,
      "cache-control": headers.cacheControl,
      "x-content-type-options": "nosniff",
      ...(headers.etag ? { etag: headers.etag } : {}),
    },
  });
}
