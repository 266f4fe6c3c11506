"use client";

import { Send } from "@/components/ui/icons";
import { useEffect, useRef, useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useFormAction } from "@/components/forms/use-form-action";
import { SendResult } from "@/components/outbound/send-result";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { fieldErrors } from "@/lib/http/result";
import type { SendMessageResult } from "@/lib/outbound";

interface ReplyBoxProps {
  threadKey: string;
  phone: string | null;
  email: string | null;
  /** The channel the contact last wrote on, chosen first. */
  preferred: "SMS" | "EMAIL";
  /** "Re: <subject>" of the last email, for an email answer. */
  subject: string;
  reply: FormAction<SendMessageResult>;
}

/** The thread's answer: SMS or email through every gate, with the gate's answer right below. */
export function ReplyBox({ threadKey, phone, email, preferred, subject, reply }: ReplyBoxProps) {
  const [channel, setChannel] = useState<"SMS" | "EMAIL">(preferred === "EMAIL" && email ? "EMAIL" : phone || !email ? "SMS" : "EMAIL");
  const { state, onSubmit, pending } = useFormAction(reply, (formData) => formData.set("threadKey", threadKey));
  const errors = state && !state.ok ? fieldErrors(state.issues) : {};
  const to = channel === "SMS" ? phone : email;
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // A reply that left is in the thread now: clear the box for the next one (a refused one stays, to fix and resend).
  useEffect(() => {
    if (state?.ok && state.data.status === "SENT" && bodyRef.current) bodyRef.current.value = "";
  }, [state]);

  return (
    <form onSubmit={onSubmit} className="grid gap-3 border-t pt-4" noValidate aria-label="Reply">
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
        <FormField label="Reply by" htmlFor="reply-channel" error={errors.channel} hint={to ? `To ${to}` : `No ${channel === "SMS" ? "phone number" : "email address"} on file`}>
          <NativeSelect id="reply-channel" name="channel" value={channel} onChange={(e) => setChannel(e.target.value as "SMS" | "EMAIL")}>
            <option value="SMS">SMS</option>
            <option value="EMAIL">Email</option>
          </NativeSelect>
        </FormField>
        {channel === "EMAIL" && (
          <FormField label="Subject" htmlFor="reply-subject" error={errors.subject} required>
            <Input id="reply-subject" name="subject" maxLength={200} defaultValue={subject} {...fieldErrorProps("reply-subject", { "reply-subject": errors.subject })} />
          </FormField>
        )}
      </div>
      <FormField label="Your reply" htmlFor="reply-body" error={errors.body} required hint={channel === "EMAIL" ? "Your postal address and an unsubscribe link are added below the text." : undefined}>
        <Textarea ref={bodyRef} id="reply-body" name="body" rows={3} maxLength={1600} {...fieldErrorProps("reply-body", { "reply-body": errors.body })} />
      </FormField>
      <div className="flex flex-wrap items-start gap-3">
        <Button type="submit" disabled={pending}>
          <Send className="size-4" aria-hidden /> {pending ? "Sending..." : "Send reply"}
        </Button>
        <div aria-live="polite" data-testid="reply-result" className="min-w-0 flex-1">
          {state && !state.ok && !state.issues?.length && <p role="alert" className="text-sm font-medium text-destructive">{state.error}</p>}
          <SendResult result={state?.ok ? state.data : null} />
        </div>
      </div>
    </form>
  );
}
