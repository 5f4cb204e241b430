import { InvalidArgumentError } from 'commander';

const QUESTION_ID = /^Q-[0-9]+$/;

/** Collects repeated `--answer Q-1=value` options into `{ "Q-1": "value" }`. */
export function parseAnswer(option: string, answers: Record<string, string> = {}): Record<string, string> {
  const separator = option.indexOf('=');
  const id = separator < 0 ? option : option.slice(0, separator).trim();
  if (separator < 0 || !QUESTION_ID.test(id))
    throw new InvalidArgumentError('write it as Q-<n>=<answer>, e.g. --answer "Q-2=50 requests per second"');
  const answer = option.slice(separator + 1).trim();
  if (!answer) throw new InvalidArgumentError(`the answer to ${id} is empty`);
  return { ...answers, [id]: answer };
}
