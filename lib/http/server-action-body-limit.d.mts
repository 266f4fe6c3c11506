/** See server-action-body-limit.mjs. */
export declare const SERVER_ACTION_BODY_LIMIT_BYTES: number;
