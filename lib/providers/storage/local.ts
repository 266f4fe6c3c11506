import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { assertSafeKey } from "./keys";
import type { FileStore } from "./types";

type Env = Record<string, string | undefined>;

/**
 * The folder of stored files: FILES_DIR, else "files" beside the embedded database's data
 * (PGLITE_DATA_DIR's parent, by default .data/), so one folder holds all of an installation's state.
 */
export function localFilesRoot(env: Env = process.env): string {
  const explicit = env.FILES_DIR?.trim();
  if (explicit) return path.resolve(/*turbopackIgnore: true*/ explicit);
  const pgliteDir = env.PGLITE_DATA_DIR?.trim();
  if (pgliteDir && !pgliteDir.includes("://")) return path.join(path.dirname(path.resolve(/*turbopackIgnore: true*/ pgliteDir)), "files");
  return path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "files");
}

/** Files on the local disk under `root`, one file per key. */
export function localFileStore(root: string = localFilesRoot()): FileStore {
  // Where files live is configuration, not part of the build: keep the bundler from tracing it.
  const base = path.resolve(/*turbopackIgnore: true*/ root);
  const pathOf = (key: string) => {
    const file = path.resolve(/*turbopackIgnore: true*/ base, ...assertSafeKey(key));
    // The key check already refuses "..": this is the belt to its braces.
    if (!file.startsWith(base + path.sep)) throw new Error("Storage key escapes the files folder");
    return file;
  };
  return {
    backend: "local",
    async put(key, bytes) {
      const file = pathOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Written aside then renamed, so a reader never sees half a file.
      const temp = `${file}.${randomUUID()}.part`;
      await writeFile(temp, bytes, { mode: 0o600 });
      await rename(temp, file);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
