/**
 * The longest texts and lists a phase answer may hold. The phase schemas check them, and they
 * reach the model as maxLength and maxItems, so a model constrained by a grammar cannot run on to
 * the token limit. Several times what a thorough answer needs.
 */
export const MAX = {
  /** A name, label, category or short value. */
  name: 120,
  /** One statement: a requirement, a criterion's step, an edge case, a title. */
  sentence: 400,
  /** A section's prose: an overview, a strategy, a narrative. */
  paragraph: 1500,
  /** A short list: acceptance criteria, edge cases, canary stages, cited ids. */
  few: 12,
  /** A list of a phase's items: requirements, components, tables, test cases. */
  many: 40,
} as const;
