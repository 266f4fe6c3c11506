/**
 * `dealflow bid-fit --file F`: one SAM.gov v2 notice scored against a profile at a given
 * time, the file being { notice, profile, now }. Pure; the profile is read with the same
 * schema as the settings form and the API, weights included.
 */
import { z } from "zod";
import { parseSamDate } from "./dates";
import { scoreBidFit, type BidFit, type FitNotice } from "./fit";
import { GovConProfileDocument, profileViewOf } from "./profile-document";

const text = z.string().nullish();
const codeName = z.looseObject({ code: text, name: text }).nullish();

/** The fields the score reads, checked for their kind; every other field passes as sent. */
const NoticeFields = z.looseObject(
  {
    title: text,
    type: text,
    baseType: text,
    naicsCode: text,
    naicsCodes: z.array(z.string()).nullish(),
    typeOfSetAside: text,
    typeOfSetAsideDescription: text,
    responseDeadLine: text,
    classificationCode: text,
    placeOfPerformance: z.looseObject({ state: codeName, country: codeName }).nullish(),
    award: z.looseObject({ amount: z.union([z.string(), z.number()]).nullish() }).nullish(),
    descriptionText: text,
    valueDollars: z.number().nullish(),
  },
  { error: "must be one SAM.gov v2 notice object" },
);

export const BidFitFile = z.object({
  notice: NoticeFields,
  profile: GovConProfileDocument,
  now: z
    .string({ error: "must be an ISO 8601 instant" })
    .refine((value) => parseSamDate(value).at !== null, "must be an ISO 8601 instant"),
});
export type BidFitFile = z.infer<typeof BidFitFile>;

export function scoreBidFitFile(file: BidFitFile): BidFit {
  const { fitWeights, ...profile } = file.profile;
  return scoreBidFit(file.notice as FitNotice, profileViewOf(profile, fitWeights ?? {}), parseSamDate(file.now).at!);
}
