import type { Metadata } from "next";
import { MarketPoliciesTable } from "@/components/policies/market-policies-table";
import { AddMarketPolicyDialog, MarketPolicyDialog } from "@/components/policies/market-policy-dialog";
import { OfferPoliciesTable, scopeLabel } from "@/components/policies/offer-policies-table";
import { UnderwriteNowButton } from "@/components/policies/underwrite-now-button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { listMarketPolicies, type PolicyRecord } from "@/lib/policy";
import { sortByScope } from "@/lib/policy/scope-order";
import { listOfferPolicies } from "@/lib/underwriting/service";
import { saveOfferPolicyAction, underwriteNowAction } from "./actions";
import { saveMarketPolicyAction } from "./market-actions";

export const metadata: Metadata = { title: "Policies" };

/** What the contact-rules dialogs need of a policy (plain data for the client). */
const marketPolicyView = ({ region, market, enabled, rules }: PolicyRecord) => ({ region, market, enabled, rules });

export default async function PoliciesPage({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  const ctx = await requirePage("policies:read");
  const [offerRows, marketRows, { tab }] = await Promise.all([listOfferPolicies(ctx.db), listMarketPolicies(ctx.db), searchParams]);
  const offerPolicies = sortByScope(offerRows);
  const marketPolicies = sortByScope(marketRows);
  const canEdit = can(ctx.role, "policies:write");
  const enabledOffers = offerPolicies.filter((p) => p.enabled).length;

  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Policies</h1>
          <p className="text-sm text-muted-foreground">How offers are computed and when leads may be contacted. Every change needs a reason and is audited.</p>
        </div>
        {can(ctx.role, "deals:underwrite") && <UnderwriteNowButton underwriteNow={underwriteNowAction} />}
      </div>
      <Tabs defaultValue={tab === "contact" ? "contact" : "offers"} className="min-w-0">
        <TabsList>
          <TabsTrigger value="offers">Offer policies</TabsTrigger>
          <TabsTrigger value="contact">Contact rules</TabsTrigger>
        </TabsList>
        <TabsContent value="offers">
          <Card>
            <CardHeader>
              <CardTitle>Offer policies</CardTitle>
              <CardDescription>
                The most specific enabled policy prices a deal: region and market, then the region, then All regions.
                {enabledOffers === 0 ? " None is enabled yet, so no deal is underwritten: enable “All regions” to start." : ` ${enabledOffers} enabled.`}
              </CardDescription>
            </CardHeader>
            <CardContent><OfferPoliciesTable policies={offerPolicies} canEdit={canEdit} saveOfferPolicy={saveOfferPolicyAction} /></CardContent>
          </Card>
        </TabsContent>
        <TabsContent value="contact">
          <Card>
            <CardHeader>
              <CardTitle>Contact rules</CardTitle>
              <CardDescription>
                Windows are in the lead&apos;s local time; start inclusive, end exclusive. A market rule overrides its region&apos;s; with no rule, or a disabled one, nobody is contacted.
              </CardDescription>
              {canEdit && (
                <CardAction>
                  <AddMarketPolicyDialog
                    regionPolicies={marketPolicies.filter((p) => p.market === "ALL").map(marketPolicyView)}
                    saveMarketPolicy={saveMarketPolicyAction}
                  />
                </CardAction>
              )}
            </CardHeader>
            <CardContent>
              <MarketPoliciesTable
                policies={marketPolicies}
                actions={
                  canEdit
                    ? (p) => <MarketPolicyDialog policy={marketPolicyView(p)} label={scopeLabel(p.region, p.market)} saveMarketPolicy={saveMarketPolicyAction} />
                    : undefined
                }
              />
            </CardContent>
          </Card>
        </TabsContent>
      </Tabs>
    </div>
  );
}
