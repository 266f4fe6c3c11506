import { openDatabase, resolveDatabaseOptions } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";

const database = await openDatabase({ ...resolveDatabaseOptions(), migrate: true });
try {
  const { created } = await seedDemo(database.prisma);
  console.log(created ? "Demo workspace seeded." : "Demo workspace already present.");
} finally {
  await database.close();
}
