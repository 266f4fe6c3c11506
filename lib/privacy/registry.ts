/**
 * Every area that holds a person's data registers its eraser here; erasure and access walk
 * this list. A new area with personal data (buyers, signals, documents) adds its own.
 */
import { apiEraser } from "@/lib/api/erasure";
import { dealsEraser } from "@/lib/deals/erasure";
import { eventsEraser } from "@/lib/events/erasure";
import { importsEraser } from "@/lib/imports/erasure";
import { intakeEraser } from "@/lib/intake/erasure";
import { kpiEraser } from "@/lib/kpi/erasure";
import { ladderEraser } from "@/lib/ladder/erasure";
import { notificationsEraser } from "@/lib/notifications/erasure";
import { outboundEraser } from "@/lib/outbound/erasure";
import { runtimeEraser } from "@/lib/runtime/erasure";
import { signalsEraser } from "@/lib/signals/erasure";
import type { PersonEraser } from "./types";

export const PERSON_ERASERS: readonly PersonEraser[] = [
  dealsEraser,
  outboundEraser,
  intakeEraser,
  importsEraser,
  ladderEraser,
  notificationsEraser,
  kpiEraser,
  eventsEraser,
  runtimeEraser,
  apiEraser,
  signalsEraser,
];
