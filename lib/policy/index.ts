export * from "./schema";
export * from "./rules";
export * from "./defaults";
export * from "./service";
export { isKnownTimeZone } from "./zone-clock";
