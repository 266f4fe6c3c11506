import { z } from "zod";

/** A checkbox or JSON boolean: "on", "true", "1", true -> true; absent, "false", "0" -> false. */
export const formBoolean = z.preprocess(
  (v) => (typeof v === "string" ? ["on", "true", "1", "yes"].includes(v.toLowerCase()) : v ?? false),
  z.boolean(),
);
