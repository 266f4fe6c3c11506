import type { ActionResult } from "@/lib/http/result";

/**
 * A server action as `useActionState` runs it: the previous result, then the form's data (or
 * another payload). Declared as a method so its parameters compare both ways: React only
 * ever hands an action its own last result, so a component may read less of the result
 * than the action returns.
 */
export type FormAction<T, Payload = FormData> = {
  run(previous: ActionResult<T> | null, payload: Payload): Promise<ActionResult<T>>;
}["run"];

/** A server action a component calls itself with a plain object, outside any form state. */
export type DirectAction<Input, T> = (previous: null, input: Input) => Promise<ActionResult<T>>;
