"use client";

import dynamic from "next/dynamic";
import type { ItemView } from "@/lib/interview/view";
import { ExplainForm } from "./explain-form";
import { ChoiceForm, FormulaForm, type ItemFormProps, NumericForm, OrderForm } from "./item-forms";

// The editor comes with the code item: its module loads when a code item opens, never before.
const CodeForm = dynamic(() => import("./code-form"), {
  ssr: false,
  loading: () => <p>Loading the editor…</p>,
});

// A judgment item's curves come with their chart code (d3), loaded when such an item opens.
const JudgmentForm = dynamic(() => import("./judgment-form").then((module) => module.JudgmentForm), {
  loading: () => <p>Loading the curves…</p>,
});

/** Each item type as a person names it. */
export const TYPE_LABELS: Record<ItemView["type"], string> = {
  choice: "Multiple choice",
  order: "Ordering",
  numeric: "Numeric",
  formula: "Formula",
  explain: "Explain",
  code: "Code",
  judgment: "Judgment",
};

/** The answer form of an item of any type (the interview and the lessons' check-yourself questions). */
export function ItemForm(props: ItemFormProps) {
  switch (props.item.type) {
    case "choice":
      return <ChoiceForm key={props.item.id} {...props} />;
    case "order":
      return <OrderForm key={props.item.id} {...props} />;
    case "numeric":
      return <NumericForm key={props.item.id} {...props} />;
    case "formula":
      return <FormulaForm key={props.item.id} {...props} />;
    case "explain":
      return <ExplainForm key={`${props.item.id}-${props.item.answered?.marking}`} {...props} />;
    case "code":
      return <CodeForm key={props.item.id} {...props} />;
    case "judgment":
      return <JudgmentForm key={props.item.id} {...props} />;
  }
}
