"use client";

import { Send } from "@/components/ui/icons";
import { useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { SendResult } from "./send-result";
import { fieldErrors } from "@/lib/http/result";
import type { SendMessageResult } from "@/lib/outbound";

interface SendMessageFormProps {
  dealId: string;
  phone: string | null;
  email: string | null;
  sendMessage: FormAction<SendMessageResult>;
}

/** Sends an SMS or email to the lead through every compliance gate, and says what happened. */
export function SendMessageForm({ dealId, phone, email, sendMessage }: SendMessageFormProps) {
  const [channel, setChannel] = useState<"SMS" | "EMAIL">(phone || !email ? "SMS" : "EMAIL");
  const { state, onSubmit, pending } = useFormAction(sendMessage, (formData) => formData.set("dealId", dealId));
  const errors = state && !state.ok ? fieldErrors(state.issues) : {};
  const result = state?.ok ? state.data : null;
  const to = channel === "SMS" ? phone : email;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Send message</CardTitle>
        <CardDescription>Consent, do-not-contact, market policy and daily cap are checked before anything leaves.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="grid gap-3" noValidate aria-label="Send message">
          <FormField label="Channel" htmlFor="message-channel" error={errors.channel} hint={to ? `To ${to}` : `The lead has no ${channel === "SMS" ? "phone number" : "email address"}`}>
            <NativeSelect id="message-channel" name="channel" value={channel} onChange={(e) => setChannel(e.target.value as "SMS" | "EMAIL")}>
              {/* A channel without an address on file cannot be chosen: the send would only be refused. */}
              <option value="SMS" disabled={!phone}>{phone ? "SMS" : "SMS (no phone number on file)"}</option>
              <option value="EMAIL" disabled={!email}>{email ? "Email" : "Email (no email on file)"}</option>
            </NativeSelect>
          </FormField>
          {channel === "EMAIL" && (
            <FormField label="Subject" htmlFor="message-subject" error={errors.subject} required>
              <Input id="message-subject" name="subject" maxLength={200} {...fieldErrorProps("message-subject", { "message-subject": errors.subject })} />
            </FormField>
          )}
          <FormField label="Message" htmlFor="message-body" error={errors.body} required hint={channel === "EMAIL" ? "Your postal address and an unsubscribe link are added below the text." : undefined}>
            <Textarea id="message-body" name="body" rows={4} maxLength={1600} {...fieldErrorProps("message-body", { "message-body": errors.body })} />
          </FormField>
          <Button type="submit" disabled={pending}>
            <Send className="size-4" aria-hidden /> {pending ? "Sending..." : "Send"}
          </Button>
          <div aria-live="polite" data-testid="send-result">
            {state && !state.ok && !state.issues?.length && <p role="alert" className="text-sm font-medium text-destructive">{state.error}</p>}
            <SendResult result={result} />
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
