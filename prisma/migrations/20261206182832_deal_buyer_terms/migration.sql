-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "buyerTerms" TEXT,
ADD COLUMN     "targetClosingDate" TIMESTAMP(3);
