import type { PropertyType } from "@/generated/prisma/enums";
import type { SaleFacts } from "@/lib/comps/types";

/** Where to look for sold comparables: around a point, within a radius, sold since a date. */
export interface SoldCompsQuery {
  latitude: number;
  longitude: number;
  radiusKm: number;
  propertyType: PropertyType | null;
  soldSince: Date;
  limit: number;
}

/** One sale as a provider reports it, in the shape CompSaleInput validates. */
export interface ProviderSale extends SaleFacts {
  ref: string;
  street: string;
  region: string | null;
}

export interface CompsProvider {
  name: string;
  soldNear(query: SoldCompsQuery): Promise<ProviderSale[]>;
}

export class CompsProviderError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "CompsProviderError";
  }
}
