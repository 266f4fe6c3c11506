/**
 * The largest server-action body, in bytes. next.config.mjs gives it to Next
 * (serverActions.bodySizeLimit) and proxy.ts refuses larger bodies with a 413 before Next
 * reads them; a plain module because the config file cannot import TypeScript. 1 MB is
 * Next's own default.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
