"use client";

import { TASK_LANGUAGES } from "@/app/components/mdx/for-language";
import styles from "../language.module.css";
import { type Language, LANGUAGE_NAMES } from "./language";

/**
 * TypeScript | Python, above the editor: a radio group (Tab reaches it, the arrow keys change it),
 * drawn as segmented buttons. The inline draft script checks the stored choice before the first paint
 * (data-language-choice).
 */
export function LanguageChoice({
  language,
  onChoose,
}: {
  language: Language;
  onChoose: (language: Language) => void;
}) {
  return (
    <fieldset className={styles.choice}>
      <legend className={styles.legend}>Language</legend>
      <span className={styles.segments}>
        {TASK_LANGUAGES.map((option) => (
          <label key={option} className={styles.option}>
            <input
              type="radio"
              name="exercise-language"
              value={option}
              data-language-choice={option}
              checked={language === option}
              onChange={() => onChoose(option)}
            />
            {LANGUAGE_NAMES[option]}
          </label>
        ))}
      </span>
      {/* Shown by the page's data-language (CSS), so that it is there before hydration too. */}
      <span className={styles.note} data-for-language="python">
        NumPy · Run and Submit use the server
      </span>
    </fieldset>
  );
}
