import { Prisma } from "@/lib/generated/prisma/client";

/** Whether a query failed on a unique constraint (Prisma's P2002), on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Whether a write failed on a foreign key (Prisma's P2003: the row it points to is gone), on either engine. */
export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003";
}
