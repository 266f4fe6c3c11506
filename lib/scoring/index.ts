export { scoreLead, scoreConfidence, POINTS_MODEL_REF } from "./score";
export { MOTIVATION_WORDS, findMotivationWords } from "./motivation";
export { POINTS_TABLE, POINTS_MODEL } from "./points";
