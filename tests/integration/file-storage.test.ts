import { once } from "node:events";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localFileStore, localFilesRoot, s3ConfigFromEnv, s3FileStore, type FileStore } from "@/lib/providers/storage";

/** A bucket in memory behind a tiny S3-style HTTP server, recording what it was sent. */
function fakeS3() {
  const objects = new Map<string, { body: Buffer; type: string }>();
  const requests: { method: string; url: string; authorization: string | undefined; contentType: string | undefined }[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    requests.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, contentType: req.headers["content-type"] });
    const key = decodeURIComponent(new URL(req.url!, "http://x").pathname);
    if (!req.headers.authorization?.startsWith("AWS4-HMAC-SHA256 Credential=test-key/")) {
      res.writeHead(403, { "content-type": "application/xml" }).end("<Error><Code>AccessDenied</Code></Error>");
    } else if (req.method === "PUT") {
      objects.set(key, { body: Buffer.concat(chunks), type: String(req.headers["content-type"]) });
      res.writeHead(200, { etag: '"x"' }).end();
    } else if (req.method === "GET") {
      const hit = objects.get(key);
      if (!hit) res.writeHead(404, { "content-type": "application/xml" }).end("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>");
      else res.writeHead(200, { "content-type": hit.type, "content-length": String(hit.body.length) }).end(hit.body);
    } else if (req.method === "DELETE") {
      objects.delete(key);
      res.writeHead(204).end();
    } else res.writeHead(405).end();
  });
  return { server, objects, requests };
}

let folder: string;
let s3: ReturnType<typeof fakeS3>;
let endpoint: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "dealflow-files-"));
  s3 = fakeS3();
  s3.server.listen(0, "127.0.0.1");
  await once(s3.server, "listening");
  endpoint = `http://127.0.0.1:${(s3.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  s3.server.close();
  await rm(folder, { recursive: true, force: true });
});

const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]);

async function roundTrip(store: FileStore) {
  await store.put("tenant-a/deal_photo/f1", photo, "image/jpeg");
  expect(await store.get("tenant-a/deal_photo/f1")).toEqual(photo);
  expect(await store.get("tenant-a/deal_photo/none")).toBeNull();
  await store.delete("tenant-a/deal_photo/f1");
  expect(await store.get("tenant-a/deal_photo/f1")).toBeNull();
  await store.delete("tenant-a/deal_photo/f1");
}

describe("the local file store", () => {
  it("writes, reads and deletes under its folder", async () => {
    const store = localFileStore(folder);
    expect(store.backend).toBe("local");
    await store.put("tenant-a/deal_photo/kept", photo, "image/jpeg");
    expect(await readdir(path.join(folder, "tenant-a", "deal_photo"))).toEqual(["kept"]);
    await roundTrip(store);
  });

  it.each(["../escape", "tenant-a/../../escape", "tenant-a/deal_photo/../../../etc/passwd", "/etc/passwd", "tenant-a\\..\\x/y"])("refuses the key %j", async (key) => {
    const store = localFileStore(folder);
    await expect(store.put(key, photo, "image/jpeg")).rejects.toThrow(/safe storage key/);
    await expect(store.get(key)).rejects.toThrow(/safe storage key/);
    await expect(store.delete(key)).rejects.toThrow(/safe storage key/);
    expect(await readdir(path.dirname(folder))).not.toContain("escape");
  });

  it("lives beside the embedded database's data unless FILES_DIR says otherwise", () => {
    expect(localFilesRoot({ FILES_DIR: "/srv/files" })).toBe("/srv/files");
    expect(localFilesRoot({ PGLITE_DATA_DIR: "/var/dealflow/pglite" })).toBe("/var/dealflow/files");
    expect(localFilesRoot({ PGLITE_DATA_DIR: "memory://" })).toBe(path.join(process.cwd(), ".data", "files"));
    expect(localFilesRoot({})).toBe(path.join(process.cwd(), ".data", "files"));
  });
});

describe("the S3-compatible store", () => {
  const config = () => ({ endpoint, bucket: "photos", region: "us-east-1", accessKeyId: "test-key", secretAccessKey: "test-secret" });

  it("writes, reads and deletes objects path-style, signed", async () => {
    const store = s3FileStore(config());
    expect(store.backend).toBe("s3");
    s3.requests.length = 0;
    await roundTrip(store);
    expect(s3.requests.map((r) => `${r.method} ${r.url.split("?")[0]}`)).toEqual([
      "PUT /photos/tenant-a/deal_photo/f1",
      "GET /photos/tenant-a/deal_photo/f1",
      "GET /photos/tenant-a/deal_photo/none",
      "DELETE /photos/tenant-a/deal_photo/f1",
      "GET /photos/tenant-a/deal_photo/f1",
      "DELETE /photos/tenant-a/deal_photo/f1",
    ]);
    expect(s3.requests[0].contentType).toBe("image/jpeg");
  });

  it("fails loudly when the bucket refuses the keys", async () => {
    const store = s3FileStore({ ...config(), accessKeyId: "wrong" });
    await expect(store.put("tenant-a/deal_photo/f2", photo, "image/jpeg")).rejects.toThrow();
    await expect(store.get("tenant-a/deal_photo/f2")).rejects.toThrow();
  });

  it("refuses unsafe keys before sending anything", async () => {
    s3.requests.length = 0;
    await expect(s3FileStore(config()).put("../x/y", photo, "image/jpeg")).rejects.toThrow(/safe storage key/);
    expect(s3.requests).toHaveLength(0);
  });

  it("is configured from S3_* variables, all or none, http allowed for a local MinIO", () => {
    const env = { S3_ENDPOINT: "http://minio:9000", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" };
    expect(s3ConfigFromEnv(env)).toMatchObject({ endpoint: "http://minio:9000", bucket: "b", region: "us-east-1" });
    expect(s3ConfigFromEnv({ ...env, S3_BUCKET: "" })).toBeNull();
    expect(s3ConfigFromEnv({ ...env, S3_ENDPOINT: "minio:9000" })).toBeNull();
    expect(s3ConfigFromEnv({ ...env, S3_FORCE_PATH_STYLE: "false" })?.forcePathStyle).toBe(false);
  });
});
