export { nanpNumberOf } from "./area-codes";
export { readRegistryFacts } from "./facts";
export { startRegistryLoad, type RegistryLoadResult } from "./load";
export { listRegistries, copyFreshness, removeRegistry, type RegistryView } from "./registries";
export { decideRegistries, consentExempts, DNCL_MAX_AGE_DAYS, type RegistryDecision, type RegistryFacts, type RegistryBlockReason, type RegistryConsent } from "./rules";
export { DNC_KIND_LABELS, DNC_REGISTRY_KINDS, RegistryUploadFields, RemoveRegistryInput } from "./schema";
export { receiveRegistryUpload } from "./upload";
