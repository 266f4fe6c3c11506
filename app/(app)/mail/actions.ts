"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";
import { SendMailPieceSchema } from "@/lib/mail/schema";
import { previewMailPiece, sendMailPiece } from "@/lib/mail/service";

/** The send form's check: is the address deliverable, what does the piece cost, what is left of the month's budget. */
export const previewMailPieceAction = tenantAction("mail.preview", "mail:send", SendMailPieceSchema, (ctx, input) => previewMailPiece(ctx.db, input));

/** A postcard or letter from the deal page; the result carries the gate and reason when refused. */
export const sendMailPieceAction = tenantAction("mail.send", "mail:send", SendMailPieceSchema, async (ctx, input) => {
  const result = await sendMailPiece(ctx.db, input, auditContext(ctx));
  revalidatePath(`/deals/${input.dealId}`);
  revalidatePath("/mail");
  return result;
});
