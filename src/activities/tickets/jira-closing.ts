/** A Jira transition as `GET …/transitions?expand=transitions.fields` lists it. */
export interface OfferedTransition {
  id?: string;
  name?: string;
  to?: { name?: string };
  fields?: unknown;
}

/** How to close a ticket as not done: the transition, and the resolution when its screen asks for one. */
export interface NotDoneClosing {
  id: string;
  resolution?: { id?: string; name: string };
}

// "Won't Do" first: Jira's own name for work that will not happen.
const NOT_DONE = [/won.?t do/i, /won.?t fix|declined|cancel|reject|abandon|obsolete|not (?:do|planned|needed)/i];
const notDoneRank = (name: string | undefined) => {
  const rank = NOT_DONE.findIndex((pattern) => pattern.test(name ?? ''));
  return rank < 0 ? NOT_DONE.length : rank;
};
const byRank = <T>(items: T[], rankOf: (item: T) => number) =>
  items
    .map((item) => ({ item, rank: rankOf(item) }))
    .filter(({ rank }) => rank < NOT_DONE.length)
    .sort((a, b) => a.rank - b.rank)
    .map(({ item }) => item);

type Resolution = { id?: string; name?: string };
const resolutionField = (transition: OfferedTransition) =>
  (transition.fields as { resolution?: { allowedValues?: Resolution[] } } | undefined)?.resolution;
const notDoneResolution = (transition: OfferedTransition) => {
  const [value] = byRank(resolutionField(transition)?.allowedValues ?? [], (candidate) => notDoneRank(candidate.name));
  return value?.name ? { ...(value.id ? { id: value.id } : {}), name: value.name } : undefined;
};

/**
 * The transition that resolves a cancelled run's ticket as not done, never as Done: one whose name
 * or status says so (with a not-done resolution when its screen has the field), else any whose
 * screen offers a not-done resolution ("Close Issue" with "Won't Do"). Undefined when the workflow
 * offers neither: the ticket then stays open rather than being counted as done.
 */
export function notDoneClosing(transitions: OfferedTransition[]): NotDoneClosing | undefined {
  const named = byRank(transitions, (transition) =>
    Math.min(notDoneRank(transition.name), notDoneRank(transition.to?.name)),
  );
  for (const transition of named) {
    if (!transition.id) continue;
    if (!resolutionField(transition)) return { id: transition.id };
    const resolution = notDoneResolution(transition);
    if (resolution) return { id: transition.id, resolution };
  }
  const withResolution = transitions
    .map((transition) => ({ id: transition.id, resolution: notDoneResolution(transition) }))
    .filter((choice) => choice.id && choice.resolution);
  const [best] = byRank(withResolution, (choice) => notDoneRank(choice.resolution!.name));
  return best && { id: best.id!, resolution: best.resolution! };
}
