import Link from "next/link";
import { OBJECTIVE_NAMES } from "@/lib/objectives";
import { OPTIMIZER_NAMES } from "@/lib/optim";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import { prisma } from "@/lib/db/prisma.server";
import { getCatalog, getDashboard } from "@/lib/progress/dashboard.server";
import { getLearnerTimeZone } from "@/lib/progress/time-zone.server";
import { isReturningLearner, WelcomeBack } from "./_home/welcome-back";
import styles from "./home.module.css";

// Per learner: a returning learner's home continues where they left off.
export const dynamic = "force-dynamic";

const PILLARS = [
  {
    href: "/learn",
    title: "Read the course",
    body: "Lessons from plain gradient descent to Adam, AdamW, Lion, learning-rate schedules and training stability. Every equation is derived, every worked example is computed, and every figure lets you drag, slide and replay.",
    cta: "Start the course",
  },
  {
    href: "/exercises",
    title: "Implement the optimizers",
    body: "Write Momentum, RMSprop, Adam and more in a real editor. Run the examples instantly in your browser, then submit to a sandboxed grader that tells you the first step where your trajectory leaves PyTorch's, and why.",
    cta: "Open the exercises",
  },
  {
    href: "/cards",
    title: "Drill for interviews",
    body: "Flash cards for the questions interviewers actually ask: bias correction, L2 versus decoupled weight decay, warmup, memory per parameter. Spaced repetition (FSRS) decides what you see and when.",
    cta: "Start drilling",
  },
] as const;

/** The home page: a first visit's introduction, or a returning learner's way back in. */
export default async function HomePage() {
  const learner = await getCurrentLearner();
  if (learner.stored) {
    const [catalog, timeZone] = await Promise.all([getCatalog(), getLearnerTimeZone()]);
    const dashboard = await getDashboard(prisma, learner.id, catalog, { timeZone });
    if (isReturningLearner(dashboard)) {
      return (
        <div className="container">
          <WelcomeBack dashboard={dashboard} catalog={catalog} timeZone={timeZone} />
          <Offer />
        </div>
      );
    }
  }
  return (
    <div className="container">
      <section className={styles.hero} aria-labelledby="hero-title">
        <p className={styles.kicker}>Gradient descent · Momentum · RMSprop · Adam · AdamW · Lion</p>
        <h1 id="hero-title">
          Understand the optimizers that train neural networks, well enough to write them.
        </h1>
        <p className={styles.lead}>
          Descent teaches the update rules behind deep learning three ways at once: lessons with live figures,
          coding exercises checked against PyTorch&apos;s own trajectories, and interview drills that come
          back just before you would forget them. You do not need an account; your progress is kept in this
          browser until you make one.
        </p>
        <div className={styles.actions}>
          <Link className="button primary" href="/learn">
            Start with lesson 1
          </Link>
          <Link className="button" href="/exercises">
            Jump to the exercises
          </Link>
        </div>
      </section>

      <Offer />

      <section className={styles.truth} aria-labelledby="truth-title">
        <h2 id="truth-title">One source of truth</h2>
        <p>
          A single reference implementation of {OPTIMIZER_NAMES.length} optimizers and{" "}
          {OBJECTIVE_NAMES.length} test objectives drives the lesson figures, the worked examples and the
          grader. It reproduces PyTorch&apos;s trajectories to within one part in a billion, so what you see
          in a figure is what the grader expects from your code.
        </p>
      </section>
    </div>
  );
}

/** The three ways into Descent. */
function Offer() {
  return (
    <section aria-labelledby="offer-title">
      <h2 id="offer-title" className="visually-hidden">
        What Descent offers
      </h2>
      <ul className={styles.pillars}>
        {PILLARS.map((pillar) => (
          <li key={pillar.href} className="card">
            <h3>{pillar.title}</h3>
            <p>{pillar.body}</p>
            <Link href={pillar.href}>{pillar.cta} →</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
