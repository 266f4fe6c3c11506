import { z } from "zod";
import { ENGINE_NAMES } from "./types";

export const EngineNameInput = z.enum(ENGINE_NAMES, { error: "Choose one of the engines" });

/** Run now. */
export const RunEngineInput = z.object({ engine: EngineNameInput });
export type RunEngineInput = z.infer<typeof RunEngineInput>;

/** Pause or resume an engine for the workspace. */
export const SetEnginePausedInput = z.object({ engine: EngineNameInput, paused: z.boolean() });
export type SetEnginePausedInput = z.infer<typeof SetEnginePausedInput>;
