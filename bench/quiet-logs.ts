// Imported first by benches that run the app's handlers: one log line a request would drown
// the figures. Set LOG_LEVEL to see them.
process.env.LOG_LEVEL ??= "warn";
