/** Where stored files (deal photos) live: the local disk or an S3-compatible bucket. */
export type StorageBackend = "local" | "s3";

export interface FileStore {
  backend: StorageBackend;
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is none under `key`. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
}
