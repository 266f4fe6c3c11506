import type { Prisma } from "@/generated/prisma/client";
import type { Types } from "@prisma/client/runtime/client";

/**
 * Prisma's create inputs require `tenantId`, but a scoped client stamps it on every create
 * (lib/db/tenant.ts), so its callers leave it out. These types say so, and spare domain code
 * a cast on every create.
 */
type StampedOperation = "create" | "createMany" | "createManyAndReturn" | "upsert";

type TenantOptional<Row> = Row extends { tenantId: string }
  ? { [K in keyof Row as K extends "tenantId" ? never : K]: Row[K] } & { tenantId?: string }
  : Row;

type TenantOptionalRows<Data> = Data extends readonly (infer Row)[] ? TenantOptional<Row>[] : TenantOptional<Data>;

type StampedArgs<Args> = Args extends { data: infer Data }
  ? Omit<Args, "data"> & { data: TenantOptionalRows<Data> }
  : Args extends { create: infer Create }
    ? Omit<Args, "create"> & { create: TenantOptional<Create> }
    : Args;

type Models = Prisma.TypeMap["model"];

type StampedTypeMap = Omit<Prisma.TypeMap, "model"> & {
  model: {
    [M in keyof Models]: Omit<Models[M], "operations"> & {
      operations: {
        [Op in keyof Models[M]["operations"]]: Op extends StampedOperation
          ? Omit<Models[M]["operations"][Op], "args"> & { args: StampedArgs<Models[M]["operations"][Op]["args"]> }
          : Models[M]["operations"][Op];
      };
    };
  };
};

type ModelProp = Prisma.TypeMap["meta"]["modelProps"];

/** A client whose model delegates accept create data without `tenantId`. */
export type WithStampedCreates<Client> = {
  [P in keyof Client]: P extends ModelProp
    ? Omit<Client[P], StampedOperation> & {
        [Op in StampedOperation]: Types.Extensions.DynamicModelExtensionOperationFn<StampedTypeMap, Capitalize<P>, Op>;
      }
    : Client[P];
};
