import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Custom search attributes the Temporal UI filters runs by; registered by the dev server and at start. */
export const SPEC_STATUS = defineSearchAttributeKey('SpecStatus', SearchAttributeType.KEYWORD);
export const SPEC_PHASE = defineSearchAttributeKey('SpecPhase', SearchAttributeType.KEYWORD);
export const SPEC_FEATURE = defineSearchAttributeKey('SpecFeature', SearchAttributeType.TEXT);

export const SEARCH_ATTRIBUTES = { SpecStatus: 'Keyword', SpecPhase: 'Keyword', SpecFeature: 'Text' } as const;
