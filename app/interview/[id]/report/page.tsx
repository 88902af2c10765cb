import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
// Items' math is KaTeX HTML: without its stylesheet the MathML copy shows as a second line of text.
import "@/app/components/mdx/katex-styles";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import { INTERVIEW_DIMENSIONS } from "@/lib/content/interview-schema";
import { INTERVIEW_FORMATS } from "@/lib/interview/formats";
import { getReport, listInterviews } from "@/lib/interview/interviews.server";
import { READINESS_LABELS, READINESS_RULE } from "@/lib/interview/readiness";
import { AnswerText, Feedback } from "../../feedback";
import styles from "../../interview.module.css";
import { TrendChart } from "../../trend-chart";

export const metadata: Metadata = { title: "Interview report" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** The report of an ended interview: score, readiness and its rule, dimensions, every item, trend, cards. */
export default async function InterviewReportPage({ params }: Props) {
  const { id } = await params;
  const learner = await getCurrentLearner();
  const report = learner.stored ? await getReport(learner.id, id) : null;
  if (!report) notFound();
  const history = await listInterviews(learner.id);
  const minutes = (ms: number) => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
  return (
    <div className={`container ${styles.page} ${styles.report}`}>
      <h1>Interview report</h1>
      <p className="muted">
        {INTERVIEW_FORMATS[report.format].label} · {report.mode === "study" ? "Study" : "Real"} mode · focus{" "}
        {report.focus} · {report.startedAt.slice(0, 16).replace("T", " ")} UTC
      </p>
      <dl className={styles.summary}>
        <div className="card">
          <dt>Score</dt>
          <dd data-testid="interview-score">{report.score} / 100</dd>
        </div>
        <div className="card">
          <dt>Readiness</dt>
          <dd data-testid="interview-readiness">{READINESS_LABELS[report.readiness]}</dd>
        </div>
      </dl>
      <p>
        <strong>The rule:</strong> {READINESS_RULE}
      </p>
      <section aria-labelledby="dimensions-heading">
        <h2 id="dimensions-heading">By dimension</h2>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">Mean (of 4)</th>
              <th scope="col">Items</th>
            </tr>
          </thead>
          <tbody>
            {INTERVIEW_DIMENSIONS.map((dimension) => {
              const d = report.dimensions[dimension];
              return (
                <tr key={dimension}>
                  <th scope="row">{dimension}</th>
                  <td>{d ? d.mean.toFixed(2) : "not asked"}</td>
                  <td>{d?.count ?? 0}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="cards-heading">
        <h2 id="cards-heading">
          {report.queuedCards.length} {report.queuedCards.length === 1 ? "card" : "cards"} added to your
          reviews
        </h2>
        {report.queuedCards.length > 0 ? (
          <>
            <p>
              The cards of every missed item (below 3 of 4) are at the front of your{" "}
              <Link href="/cards">drill</Link>.
            </p>
            <ul>
              {report.queuedCards.map((card) => (
                <li key={card.id} data-card={card.id}>
                  {/* The deck's own rendering of the card's Markdown and KaTeX (content/cards). */}
                  <div
                    className={styles.queuedCard}
                    // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered at build time from content/cards
                    dangerouslySetInnerHTML={{ __html: card.frontHtml }}
                  />{" "}
                  <Link href={`/learn/${card.lesson}${card.section ? `#${card.section}` : ""}`}>
                    lesson section
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section aria-labelledby="items-heading">
        <h2 id="items-heading">Every item</h2>
        <ol className={styles.reportItems}>
          {report.items.map((item) => (
            <li key={item.id} className="card">
              <h3>
                {item.type} · {item.dimension} · {item.feedback?.points ?? 0} / 4
                <span className="muted">
                  {" "}
                  · {item.answered ? minutes(item.answered.timeUsedMs) : "not answered"}
                </span>
              </h3>
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX HTML rendered on the server from the bank. */}
              <div dangerouslySetInnerHTML={{ __html: item.promptHtml }} />
              {item.feedback ? (
                <Feedback item={item} />
              ) : (
                <p>
                  <AnswerText item={item} />
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">Your trend</h2>
        <TrendChart history={history} />
      </section>
      <p className={styles.noPrint}>
        <Link href="/interview">Start another interview</Link> · <Link href="/dashboard">Dashboard</Link>
      </p>
    </div>
  );
}
