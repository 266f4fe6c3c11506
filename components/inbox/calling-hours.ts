// The notice is the dialer's refusal text too, so it lives with the dialer's rules.
export { callingHoursNotice } from "@/lib/calls/calling-hours-notice";
