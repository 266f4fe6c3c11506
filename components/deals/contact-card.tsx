import { Mail, Phone, User } from "@/components/ui/icons";
import type { ReactNode } from "react";
import { formatPhone } from "@/components/prospects/format";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

interface ContactCardProps {
  name: string | null;
  phone: string | null;
  email: string | null;
  /** The lead's own zone, when known: calls should respect it. */
  leadTimeZone: string | null;
  /** Shown under the details: the contact's consent per channel. */
  children?: ReactNode;
}

export function ContactCard({ name, phone, email, leadTimeZone, children }: ContactCardProps) {
  const none = !name && !phone && !email;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Contact</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-2 text-sm">
        {none && <p className="text-muted-foreground">No contact details came with this deal.</p>}
        {name && <p className="flex items-center gap-2"><User className="size-4 text-muted-foreground" aria-hidden /> {name}</p>}
        {phone && (
          <a href={`tel:${phone}`} className="flex items-center gap-2 underline-offset-2 hover:underline">
            <Phone className="size-4 shrink-0 text-muted-foreground" aria-hidden /> <span className="whitespace-nowrap tabular-nums">{formatPhone(phone)}</span>
          </a>
        )}
        {email && (
          <a href={`mailto:${email}`} className="flex items-center gap-2 break-all underline-offset-2 hover:underline">
            <Mail className="size-4 text-muted-foreground" aria-hidden /> {email}
          </a>
        )}
        {leadTimeZone && <p className="text-xs text-muted-foreground">Lead&apos;s time zone: {leadTimeZone}</p>}
        {children}
      </CardContent>
    </Card>
  );
}
