import { HttpError, handle } from "@/lib/http/route.server";
import { prisma } from "@/lib/db/prisma.server";
import { exportLearnerData } from "@/lib/progress/export.server";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import { getLearnerTimeZone } from "@/lib/progress/time-zone.server";
import { dayKey } from "@/lib/time/days";

export const dynamic = "force-dynamic";

/** All of the current learner's data, as a JSON download. */
export const GET = handle(async () => {
  const learner = await getCurrentLearner();
  const data = await exportLearnerData(prisma, learner.id);
  if (!data) throw new HttpError(404, "There is no data to export yet.");
  const day = dayKey(new Date(), await getLearnerTimeZone());
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="descent-export-${day}.json"`,
      "Cache-Control": "no-store",
    },
  });
});
