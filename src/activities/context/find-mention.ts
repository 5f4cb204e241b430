/** Something a context document may name: a database engine, a broker, a runtime... */
export interface Recognisable {
  /** Matches the thing's names; case and word boundaries are the pattern's business. */
  pattern: RegExp;
}

export interface Mention<Choice> {
  choice: Choice;
  /** The words that named it ("Spring Boot" for the JVM). */
  matched: string;
  /** The version written right after the name ("MySQL 8" gives "8"), if any. */
  version?: string;
}

// "not PostgreSQL", "instead of RabbitMQ", "replaced Memcached", "migrated off Oracle": the team
// names what it does not run. Up to two words may come between ("no longer use Redis"), but not
// "with", "to" or "by", which introduce what it runs instead ("replaced RabbitMQ with Kafka").
const REJECTED_BEFORE =
  /(?:\bnot|\bno|\bnever|\bnor|\bwithout|\binstead of|\brather than|\baway from|\bmoved off|\boff of|\bno longer|\breplac(?:e|es|ed|ing)|\bmigrat(?:e|es|ed|ing) (?:off|from)|\bmoved from|\bswitched from|\bdeprecat(?:e|es|ed|ing)|\blegacy|\bexcept|\bavoid(?:s|ed|ing)?|\bdon'?t|\bdo not|\bretir(?:e|es|ed|ing)|\bphas(?:e|ed|ing) out|\bbanned|\bforbidden)\s+(?:(?!(?:with|to|by|for|and|on|in)\b)[\w.+#/-]+,?\s+){0,2}$/i;
const REJECTED_AFTER =
  /^[\w.\s-]{0,20}?\b(?:is|are|was|were)\s+(?:not allowed|not used|deprecated|being retired|retired|banned|forbidden)\b/i;
const VERSION_AFTER = /^[ \t]*v?(\d+(?:\.\d+){0,2}[a-z]{0,2})\b/i;

/**
 * The choice a context document names for one kind of thing. A line labelled for the kind
 * ("Database: MySQL 8") wins; otherwise the first mention the text does not reject.
 */
export function findMention<Choice extends Recognisable>(
  text: string,
  choices: readonly Choice[],
  label?: RegExp,
): Mention<Choice> | undefined {
  const mentions = choices.flatMap((choice) => accepted(text, choice));
  const labelled = label ? mentions.filter((mention) => label.test(lineAt(text, mention.index))) : [];
  const best = (labelled.length ? labelled : mentions).sort((first, second) => first.index - second.index)[0];
  return best && { choice: best.choice, matched: best.matched, ...(best.version ? { version: best.version } : {}) };
}

/** The version written after any accepted mention whose words `named` accepts ("C# on .NET 8": 8 after ".NET"). */
export function versionNamed(text: string, choice: Recognisable, named: RegExp): string | undefined {
  return accepted(text, choice).find((mention) => mention.version && named.test(mention.matched))?.version;
}

function accepted<Choice extends Recognisable>(
  text: string,
  choice: Choice,
): { choice: Choice; index: number; matched: string; version?: string }[] {
  const flags = choice.pattern.flags.includes('g') ? choice.pattern.flags : `${choice.pattern.flags}g`;
  return [...text.matchAll(new RegExp(choice.pattern.source, flags))]
    .filter((match) => !isRejected(text, match.index, match[0].length))
    .map((match) => ({
      choice,
      index: match.index,
      matched: match[0],
      version: VERSION_AFTER.exec(text.slice(match.index + match[0].length))?.[1],
    }));
}

function isRejected(text: string, index: number, length: number): boolean {
  const clauseStart =
    Math.max(...['.', ';', '\n', '!', '?', '(', ':'].map((stop) => text.lastIndexOf(stop, index - 1))) + 1;
  const before = text.slice(clauseStart, index);
  return REJECTED_BEFORE.test(before) || REJECTED_AFTER.test(text.slice(index + length, index + length + 60));
}

function lineAt(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? undefined : end);
}
