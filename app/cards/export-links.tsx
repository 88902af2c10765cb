import type { TopicInfo } from "@/lib/cards/topics";
import styles from "./export-links.module.css";

const EXPORT_PATH = "/api/cards/export";

function exportUrl(params: { topic?: string | null; format: "apkg" | "txt"; history?: boolean }): string {
  const query = new URLSearchParams();
  if (params.topic) query.set("topic", params.topic);
  query.set("format", params.format);
  if (params.history) query.set("history", "1");
  return `${EXPORT_PATH}?${query}`;
}

/**
 * Download links for Anki: the learner's whole deck, the topic being drilled, or any of their topics
 * through a GET form (no script needed; the same URLs work from curl).
 */
export function ExportLinks({ topic, topics }: { topic: string | null; topics: readonly TopicInfo[] }) {
  const topicName = topics.find((info) => info.topic === topic)?.name ?? topic;
  return (
    <section className={`card ${styles.export}`} aria-labelledby="anki-export">
      <h2 id="anki-export">Export to Anki</h2>
      <p className="muted">
        Import the file in Anki (File, Import). Importing a newer export again updates the cards instead of
        copying them.
      </p>
      <ul>
        <li>
          Whole deck:{" "}
          <a href={exportUrl({ format: "apkg" })} download>
            Anki package (.apkg)
          </a>
          {" · "}
          <a href={exportUrl({ format: "txt" })} download>
            text file (.txt)
          </a>
          {" · "}
          <a href={exportUrl({ format: "apkg", history: true })} download>
            package with your reviews
          </a>
        </li>
        {topic ? (
          <li>
            This topic ({topicName}):{" "}
            <a href={exportUrl({ topic, format: "apkg" })} download>
              Anki package (.apkg)
            </a>
            {" · "}
            <a href={exportUrl({ topic, format: "txt" })} download>
              text file (.txt)
            </a>
          </li>
        ) : null}
      </ul>
      <form className={styles.form} method="get" action={EXPORT_PATH}>
        <label>
          Topic to export
          <select name="topic" defaultValue={topic ?? ""}>
            <option value="">All topics</option>
            {topics.map((info) => (
              <option key={info.topic} value={info.topic}>
                {info.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Format
          <select name="format" defaultValue="apkg">
            <option value="apkg">Anki package (.apkg)</option>
            <option value="txt">Text file (.txt)</option>
          </select>
        </label>
        <label>
          <input type="checkbox" name="history" value="1" /> With your reviews (package only)
        </label>
        <button className="button" type="submit">
          Download
        </button>
      </form>
    </section>
  );
}
