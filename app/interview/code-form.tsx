"use client";

import { useState } from "react";
import { LightEditor } from "@/app/components/editor/light-editor";
import type { ItemFormProps } from "./item-forms";

/**
 * A code item: the exercise's starter in the learner's language, graded on the hidden tests by the
 * grader. This module (and the editor) is loaded only when a code item opens.
 */
export default function CodeForm({ item, locked, pending, onSubmit }: ItemFormProps) {
  const code = item.code;
  const [text, setText] = useState(
    () => (item.answered?.answer as { code?: string } | undefined)?.code ?? code?.starter ?? "",
  );
  if (!code) return null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({ code: text });
      }}
    >
      <p>
        Exercise <a href={`/exercises/${code.exercise}`}>{code.exercise}</a>, in{" "}
        {code.language === "python" ? "Python" : "TypeScript"} (your chosen language). Submitting runs the
        hidden tests; you get one submission here.
      </p>
      <LightEditor
        id={`interview-code-${item.id}`}
        value={text}
        onChange={locked ? () => {} : setText}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && event.shiftKey) {
            event.preventDefault();
            onSubmit({ code: event.currentTarget.value });
          }
        }}
        label={`Your solution (${code.language}). Ctrl+Shift+Enter submits, Escape then Tab leaves the editor.`}
        language={code.language}
      />
      <button type="submit" className="button primary" disabled={locked || pending || text.trim() === ""}>
        {pending ? "Grading…" : "Submit code"}
      </button>
    </form>
  );
}
