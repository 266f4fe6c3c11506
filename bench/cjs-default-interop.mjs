// Loaded with `--import` by benches that call the app's route handlers outside Next.js:
// next-auth's providers are CommonJS modules whose default export Node hands over as
// `{ default }`, where the bundler unwraps it. This redirects them to a shim that unwraps.
import { register } from "node:module";

const WRAPPED = /^next-auth\/providers\/[a-z-]+$/;

export async function resolve(specifier, context, next) {
  if (WRAPPED.test(specifier) && !context.parentURL?.includes("unwrap=")) {
    return { url: `data:text/javascript,${encodeURIComponent(`import { createRequire } from "node:module"; const m = createRequire(${JSON.stringify(context.parentURL)})(${JSON.stringify(specifier)}); export default m.default ?? m;`)}#unwrap=1`, shortCircuit: true };
  }
  return next(specifier, context);
}

if (!process.env.CJS_INTEROP_REGISTERED) {
  process.env.CJS_INTEROP_REGISTERED = "1";
  register(import.meta.url);
}
