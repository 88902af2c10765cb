"use client";

import { useCallback, useEffect, useRef } from "react";
import { fetchServerLanguage, type Language, saveServerLanguage } from "./language";

/**
 * The learner's choice of language, remembered on the server: once the page is usable, the language
 * stored for the learner (another browser's choice) replaces this browser's guess, unless the
 * learner has chosen on this page already; every choice is stored (a guest is created on the first).
 */
export function useLanguageChoice(usable: boolean, switchTo: (language: Language) => void) {
  const chosenHere = useRef(false);
  useEffect(() => {
    if (!usable) return;
    let stopped = false;
    void fetchServerLanguage().then((language) => {
      if (!stopped && language && !chosenHere.current) switchTo(language);
    });
    return () => {
      stopped = true;
    };
  }, [usable, switchTo]);

  return useCallback(
    (language: Language) => {
      chosenHere.current = true;
      switchTo(language);
      void saveServerLanguage(language);
    },
    [switchTo],
  );
}
