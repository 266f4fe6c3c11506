import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/select";
import { CONVERSATION_CHANNELS, type ConversationQuery } from "@/lib/conversations/schema";
import { CHANNEL_WORDS } from "./channel-words";

interface ConversationFiltersProps {
  query: ConversationQuery;
  owners: { userId: string; name: string }[];
  markets: string[];
}

/** The list's filters as a plain GET form: the URL holds them, so a filtered list can be shared and reloaded. */
export function ConversationFilters({ query, owners, markets }: ConversationFiltersProps) {
  return (
    <form method="get" action="/conversations" className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end" aria-label="Filter conversations">
      <label className="grid gap-1 text-sm">
        Owner
        <NativeSelect name="owner" defaultValue={query.owner ?? ""} containerClassName="sm:w-40">
          <option value="">Anyone</option>
          <option value="me">Me</option>
          {owners.map((o) => <option key={o.userId} value={o.userId}>{o.name}</option>)}
        </NativeSelect>
      </label>
      <label className="grid gap-1 text-sm">
        Market
        <NativeSelect name="market" defaultValue={query.market ?? ""} containerClassName="sm:w-40">
          <option value="">Any market</option>
          {markets.map((m) => <option key={m} value={m}>{m}</option>)}
        </NativeSelect>
      </label>
      <label className="grid gap-1 text-sm">
        Channel
        <NativeSelect name="channel" defaultValue={query.channel ?? ""} containerClassName="sm:w-40">
          <option value="">Any channel</option>
          {CONVERSATION_CHANNELS.map((c) => <option key={c} value={c}>{CHANNEL_WORDS[c]}</option>)}
        </NativeSelect>
      </label>
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input type="checkbox" name="unread" value="1" defaultChecked={query.unread === "1"} className="size-4 accent-primary" />
        Unread only
      </label>
      <Button type="submit" variant="outline" className="col-span-2 sm:col-span-1">Filter</Button>
    </form>
  );
}
