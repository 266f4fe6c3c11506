import type { PropertyType } from "@/generated/prisma/enums";

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
export interface ProviderSale {
  ref: string;
  street: string;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  soldPrice: number;
  soldAt: string;
  beds: number | null;
  baths: number | null;
  sqft: number | null;
  yearBuilt: number | null;
  propertyType: PropertyType | null;
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
