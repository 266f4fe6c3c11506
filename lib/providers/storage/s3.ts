import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { assertSafeKey } from "./keys";
import type { FileStore } from "./types";

export interface S3StoreConfig {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bucket in the path (MinIO, most self-hosted stores) rather than in the host name. */
  forcePathStyle?: boolean;
  /** Lets tests (and unusual deployments) hand the client its own HTTP handler. */
  requestHandler?: S3ClientConfig["requestHandler"];
}

/** AWS's own endpoints take the bucket in the host name; every other S3-compatible store is safest path-style. */
export function defaultPathStyle(endpoint: string): boolean {
  try {
    return !new URL(endpoint).hostname.endsWith(".amazonaws.com");
  } catch {
    return true;
  }
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}

/** Objects in an S3-compatible bucket (AWS S3, MinIO, R2, B2, Wasabi). */
export function s3FileStore(config: S3StoreConfig): FileStore {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    forcePathStyle: config.forcePathStyle ?? defaultPathStyle(config.endpoint),
    // Several S3-compatible stores reject the SDK's newer default checksums: send them only when required.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 3,
    ...(config.requestHandler ? { requestHandler: config.requestHandler } : {}),
  });
  const Bucket = config.bucket;
  return {
    backend: "s3",
    async put(key, bytes, contentType) {
      assertSafeKey(key);
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.byteLength }));
    },
    async get(key) {
      assertSafeKey(key);
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!answer.Body) return null;
        return await answer.Body.transformToByteArray();
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      assertSafeKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}
