import type { CallActions } from "@/components/calls/call-button";
import { logCallAction, startCallAction } from "./actions";

/** The dialer's actions, as every page placing a CallButton hands them to it. */
export const CALL_ACTIONS: CallActions = { startCall: startCallAction, logCall: logCallAction };
