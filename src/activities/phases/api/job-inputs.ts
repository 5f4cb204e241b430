import type { FeatureTerms } from '../../llm/offline/feature-terms';
import type { Api } from './schema';

type Field = Api['resources'][number]['fields'][number];

const FILE_FORMAT = /\b(CSV|PDF|JSON|XLSX|Excel|XML|ICS|ZIP|TSV|Parquet|HTML|Markdown)\b/i;

/** What starting a job takes: which records, and what the verb itself needs (a format to export to, a time to run at). */
export function jobInputs(verb: string, feature: string, terms: FeatureTerms): Field[] {
  const selection: Field = {
    name: 'selection',
    type: 'object',
    required: false,
    description: `Which ${terms.resourceWords}: a filter such as status, or a list of ids; all of them when empty`,
  };
  return [selection, ...byVerb(verb, feature)];
}

function byVerb(verb: string, feature: string): Field[] {
  const format = FILE_FORMAT.exec(feature)?.[1];
  switch (verb) {
    case 'export':
    case 'download':
      return [
        {
          name: 'format',
          type: 'string',
          required: true,
          description: `File format of the result${format ? `, such as ${format}` : ', such as CSV'}`,
        },
      ];
    case 'import':
    case 'upload':
      return [
        {
          name: 'sourceUrl',
          type: 'string',
          required: true,
          description: 'Where to read the file from: an upload URL the API gave out',
        },
        {
          name: 'format',
          type: 'string',
          required: false,
          description: `File format of the source${format ? `, such as ${format}` : ''}; detected when empty`,
        },
      ];
    case 'send':
      return [{ name: 'channel', type: 'string', required: true, description: 'How to deliver: email, SMS or push' }];
    case 'schedule':
      return [
        {
          name: 'runAt',
          type: 'string',
          required: true,
          description: 'When to run first (ISO 8601 date-time with offset)',
        },
        {
          name: 'recurrence',
          type: 'string',
          required: false,
          description: 'How it repeats, as an iCalendar RRULE; once when empty',
        },
      ];
    case 'approve':
    case 'reject':
      return [{ name: 'comment', type: 'string', required: false, description: 'Why, for the audit trail' }];
    case 'generate':
      return [{ name: 'period', type: 'string', required: true, description: 'The period to cover, such as 2025-06' }];
    case 'sync':
    case 'synchronise':
    case 'synchronize':
      return [
        {
          name: 'since',
          type: 'string',
          required: false,
          description: 'Only changes after this time (ISO 8601); everything when empty',
        },
      ];
    case 'publish':
      return [
        {
          name: 'publishAt',
          type: 'string',
          required: false,
          description: 'When it goes live (ISO 8601); at once when empty',
        },
      ];
    case 'archive':
      return [
        {
          name: 'olderThanDays',
          type: 'integer',
          required: false,
          description: 'Only records untouched for this many days',
        },
      ];
    default:
      return [
        {
          name: 'notifyWhenDone',
          type: 'boolean',
          required: false,
          description: 'Email the caller when the job has finished',
        },
      ];
  }
}
