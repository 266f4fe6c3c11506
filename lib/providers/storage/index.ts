/**
 * The file store of a workspace: its own S3-compatible bucket when it saved STORAGE
 * credentials on Integrations, else the installation's S3_* variables, else the local disk
 * under the data folder. Files remember their backend, so one written locally is still read
 * locally after a bucket is configured.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { resolveProviderCredentials } from "@/lib/providers/credentials";
import { localFileStore, localFilesRoot } from "./local";
import { s3FileStore, type S3StoreConfig } from "./s3";
import type { FileStore, StorageBackend } from "./types";

export type { FileStore, StorageBackend } from "./types";
export { keySegments, assertSafeKey, objectKey } from "./keys";
export { localFileStore, localFilesRoot } from "./local";
export { s3FileStore, defaultPathStyle, type S3StoreConfig } from "./s3";

type Env = Record<string, string | undefined>;

const truthy = (value: string | undefined) => (value === undefined ? undefined : /^(1|true|yes)$/i.test(value.trim()));

/**
 * The installation's bucket from S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID and
 * S3_SECRET_ACCESS_KEY (all five, or none). Unlike a workspace's saved credentials, the
 * endpoint may be plain http: a MinIO beside the app on a private network is common.
 */
export function s3ConfigFromEnv(env: Env = process.env): S3StoreConfig | null {
  const read = (name: string) => env[name]?.trim() || undefined;
  const endpoint = read("S3_ENDPOINT");
  const bucket = read("S3_BUCKET");
  const accessKeyId = read("S3_ACCESS_KEY_ID");
  const secretAccessKey = read("S3_SECRET_ACCESS_KEY");
  if (!endpoint || !bucket || !accessKeyId || !secretAccessKey) return null;
  if (!/^https?:\/\//.test(endpoint)) return null;
  return { endpoint, bucket, region: read("S3_REGION") ?? "us-east-1", accessKeyId, secretAccessKey, forcePathStyle: truthy(env.S3_FORCE_PATH_STYLE) };
}

/** The store new files of this workspace are written to. */
export async function fileStoreFor(db: TenantDb, env: Env = process.env): Promise<FileStore> {
  const resolved = await resolveProviderCredentials(db, "STORAGE", env);
  if (resolved.source === "workspace") return s3FileStore({ ...resolved.credentials, forcePathStyle: truthy(env.S3_FORCE_PATH_STYLE) });
  const fromEnv = s3ConfigFromEnv(env);
  if (fromEnv) return s3FileStore(fromEnv);
  return localFileStore(localFilesRoot(env));
}

/** The store a file was written to, by the backend its row records. */
export async function fileStoreOf(db: TenantDb, backend: StorageBackend, env: Env = process.env): Promise<FileStore> {
  if (backend === "local") return localFileStore(localFilesRoot(env));
  const store = await fileStoreFor(db, env);
  if (store.backend !== "s3") throw new Error("This file is in an S3 bucket, but no bucket is configured any more");
  return store;
}
