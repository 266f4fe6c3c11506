-- CreateEnum
CREATE TYPE "ConsentBasis" AS ENUM ('PRIOR_EXPRESS_WRITTEN', 'ESTABLISHED_RELATIONSHIP', 'NONE');

-- AlterTable
ALTER TABLE "ContactConsent" ADD COLUMN     "basis" "ConsentBasis" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "evidence" TEXT;

-- Opt-ins recorded with the words the person agreed to were written consents.
UPDATE "ContactConsent" SET "basis" = 'PRIOR_EXPRESS_WRITTEN' WHERE "status" = 'OPTED_IN' AND "wording" IS NOT NULL;
