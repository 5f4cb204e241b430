import type { PhaseContents } from '../activities/phases/phase-contents';
import type { Requirements } from '../activities/phases/requirements/schema';
import type { PackContents } from '../activities/render/pack-contents';
import { provenance } from '../activities/render/provenance';
import type { SpecRunStatus } from '../shared/spec-run';
import type { ReviewedPhases } from './reviewed-phases';

/** What the pack renderers read, for the phases under review: the same input the final pack gets. */
export function reviewPack(status: SpecRunStatus, phases: ReviewedPhases): PackContents {
  const contents = Object.fromEntries(Object.entries(phases).map(([name, revision]) => [name, revision.content])) as Partial<PhaseContents>;
  if (contents.requirements) contents.requirements = withAnswers(contents.requirements, status.answers ?? {});
  return {
    specId: status.id,
    feature: status.feature,
    description: status.description ?? '',
    slug: status.slug,
    provenance: provenance(Object.values(phases)),
    phases: contents,
    decisions: status.decisions,
  };
}

/** The requirements with the answers given at their approval, as the final pack shows them. */
export function withAnswers(requirements: Requirements, answers: Record<string, string>): Requirements {
  return { ...requirements, questions: requirements.questions.map((question) => ({ ...question, answer: answers[question.id] ?? question.answer })) };
}
