import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { phasePrompt } from '../../src/activities/llm/phase-prompt';
import { declaredInputs, withDeclaredInputs } from '../../src/activities/phases/declared-inputs';
import { PHASE_DEFINITIONS } from '../../src/activities/phases/index';
import { inputsHashOf, phaseInputsHash } from '../../src/activities/phases/inputs-hash';
import { loadAnsweredContents } from '../../src/activities/phases/load-answered-contents';
import { loadContext } from '../../src/activities/phases/load-context';
import type { PhaseContents } from '../../src/activities/phases/phase-contents';
import type { PhaseContext, PhaseDefinition } from '../../src/activities/phases/phase-definition';
import type { PhaseInput } from '../../src/activities/phases/phase-input';
import { finalize, runPhase } from '../../src/activities/phases/run-phase';
import { orphanRequirements } from '../../src/activities/quality/orphan-requirements';
import { QUALITY_CRITERIA } from '../../src/activities/quality/quality-criteria';
import { dependentsOf, inputsOf, PHASE_INPUTS } from '../../src/shared/phase-graph';
import { PHASES, type PhaseName } from '../../src/shared/phases';
import type { ArtifactRef, PhaseResult } from '../../src/shared/spec-run';
import { NARROWED_ANSWERS, runNarrowedPhases } from '../helpers/run-narrowed-phases';

/** A change to each phase that its compact summary shows (cost has none: nothing reads it). */
const PERTURB: { [Name in PhaseName]: (content: PhaseContents[Name]) => void } = {
  requirements: (content) => void (content.functional[0]!.text += ' and exports them as CSV'),
  architecture: (content) => void (content.components[0]!.id += '-moved'),
  database: (content) => void (content.tables[0]!.name += '_moved'),
  api: (content) => void (content.resources[0]!.name += '-moved'),
  security: (content) => void (content.threats[0]!.threat += ' through a forged link'),
  testing: (content) => void (content.cases[0]!.id += '-moved'),
  rollout: (content) => void (content.featureFlags[0]!.name += '-moved'),
  cost: (content) => void (content.load.peakRequestsPerSecond *= 10),
};

type Refs = Partial<Record<PhaseName, ArtifactRef>>;

let store: ArtifactStore;
let run: Awaited<ReturnType<typeof runNarrowedPhases>>;
let original: PhaseContents;
let perturbed: PhaseContents;
let perturbedRefs: Record<PhaseName, ArtifactRef>;

const nonInputs = (phase: PhaseName) =>
  PHASES.filter((other) => other !== phase && !(inputsOf(phase) as readonly PhaseName[]).includes(other));

/** Every phase but this one, as a sender that ignores the graph would hand them, its non-inputs changed. */
function everyOtherPhase(phase: PhaseName): Refs {
  return Object.fromEntries(
    PHASES.filter((other) => other !== phase).map((other) => [
      other,
      nonInputs(phase).includes(other) ? perturbedRefs[other] : run.results[other].artifact,
    ]),
  );
}

async function contentOf(result: PhaseResult): Promise<unknown> {
  return (JSON.parse(await readFile(result.artifact.path, 'utf8')) as { content: unknown }).content;
}

async function promptOf(input: PhaseInput) {
  return phasePrompt(PHASE_DEFINITIONS[input.phase] as PhaseDefinition, await loadContext(store, input));
}

beforeAll(async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-graph-'));
  store = new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
  run = await runNarrowedPhases(store);
  original = (await loadAnsweredContents(
    store,
    Object.fromEntries(PHASES.map((phase) => [phase, run.results[phase].artifact])),
    {},
  )) as PhaseContents;
  perturbed = structuredClone(original);
  perturbedRefs = {} as Record<PhaseName, ArtifactRef>;
  for (const phase of PHASES) {
    (PERTURB[phase] as (content: unknown) => void)(perturbed[phase]);
    perturbedRefs[phase] = await store.writeJson(store.runDir(run.specId), `${phase}.r9.json`, {
      phase,
      revision: 9,
      content: perturbed[phase],
    });
  }
}, 120_000);

describe('the phase graph', () => {
  it('points only backwards, so it has no cycle', () => {
    for (const phase of PHASES)
      for (const input of inputsOf(phase)) expect(PHASES.indexOf(input)).toBeLessThan(PHASES.indexOf(phase));
    expect(Object.keys(PHASE_INPUTS).sort()).toEqual([...PHASES].sort());
  });

  it('lists as dependents exactly the later phases that read a phase, directly or through another', () => {
    for (const phase of PHASES)
      for (const later of PHASES.slice(PHASES.indexOf(phase) + 1)) {
        const reads = inputsOf(later).some((input) => input === phase || dependentsOf(phase).includes(input));
        expect(dependentsOf(phase).includes(later)).toBe(reads);
      }
  });
});

describe.each(PHASES)('the %s phase, handed every other phase with its non-inputs changed', (phase) => {
  it('generates the same offline content', async () => {
    const regenerated = await runPhase(run.generator, store, {
      ...run.inputs[phase],
      // Another revision: the answer cache cannot hand back the first generation.
      revision: 2,
      earlier: everyOtherPhase(phase),
      approved: everyOtherPhase(phase),
    });
    expect(await contentOf(regenerated)).toEqual(await contentOf(run.results[phase]));
  });

  it('builds its offline content from its declared inputs alone, whatever it is handed', () => {
    const definition = PHASE_DEFINITIONS[phase] as PhaseDefinition;
    const offline = (earlier: Partial<PhaseContents>) => {
      const { specId, feature, description, revision, feedback, answers } = run.inputs[phase];
      const context: PhaseContext = { specId, feature, description, revision, feedback, answers, earlier };
      return finalize(definition, definition.offline(context), context);
    };
    const others = Object.fromEntries(
      PHASES.filter((other) => other !== phase).map((other) => [
        other,
        nonInputs(phase).includes(other) ? perturbed[other] : original[other],
      ]),
    );
    expect(offline(others)).toEqual(offline(declaredInputs(phase, original)));
  });

  it('keeps its inputs hash', async () => {
    expect(run.results[phase].inputsHash).toMatch(/^[0-9a-f]{64}$/);
    const hash = await phaseInputsHash(store, {
      specId: run.specId,
      phase,
      earlier: everyOtherPhase(phase),
      answers: run.inputs[phase].answers,
    });
    expect(hash).toBe(run.results[phase].inputsHash);
  });

  it('sends the model the same prompt', async () => {
    const handed = await promptOf({ ...run.inputs[phase], earlier: everyOtherPhase(phase) });
    expect(handed).toEqual(await promptOf(run.inputs[phase]));
  });

  it('judges its quality criteria on its declared inputs alone', () => {
    const withPerturbed = { ...perturbed, ...declaredInputs(phase, original), [phase]: original[phase] };
    for (const criterion of QUALITY_CRITERIA.filter((each) => each.phase === phase))
      expect(criterion.problems(withPerturbed), criterion.name).toEqual(
        criterion.problems(withDeclaredInputs(phase, original)),
      );
  });
});

describe('the inputs hash', () => {
  const inputEdges = PHASES.flatMap((phase) => inputsOf(phase).map((input) => [phase, input] as const));

  it.each(inputEdges)('of %s changes when its input %s changes', async (phase, input) => {
    const hash = await phaseInputsHash(store, {
      specId: run.specId,
      phase,
      earlier: { ...run.inputs[phase].earlier, [input]: perturbedRefs[input] },
      answers: run.inputs[phase].answers,
    });
    expect(hash).not.toBe(run.results[phase].inputsHash);
  });

  it('is what the phase activity stamped, recomputed from the approved inputs', async () => {
    for (const phase of PHASES)
      expect(await phaseInputsHash(store, run.inputs[phase]), phase).toBe(run.results[phase].inputsHash);
  });

  it('changes with the answers for every phase that reads the requirements, and only those', () => {
    const earlier = declaredInputs('api', original);
    for (const phase of PHASES) {
      const reads = (inputsOf(phase) as readonly PhaseName[]).includes('requirements');
      const before = inputsHashOf(phase, { earlier, answers: NARROWED_ANSWERS });
      const after = inputsHashOf(phase, { earlier, answers: { ...NARROWED_ANSWERS, 'Q-1': 'Administrators only' } });
      expect(after !== before, phase).toBe(reads);
    }
  });

  it('ignores the order the answers were given in', () => {
    const reversed = Object.fromEntries(Object.entries(NARROWED_ANSWERS).reverse());
    expect(inputsHashOf('api', { earlier: original, answers: reversed })).toBe(
      inputsHashOf('api', { earlier: original, answers: NARROWED_ANSWERS }),
    );
  });

  it("ignores an input's reviewer notes, which the prompt does not show", () => {
    const noted = structuredClone(original);
    noted.requirements.reviewerNotes = ['Split FR-1 as the reviewer asked'];
    noted.database.reviewerNotes = ['Renamed nothing'];
    expect(inputsHashOf('api', { earlier: noted, answers: NARROWED_ANSWERS })).toBe(
      inputsHashOf('api', { earlier: original, answers: NARROWED_ANSWERS }),
    );
  });
});

describe('the orphans shown at the gate', () => {
  it('are traced over every approved phase, not only the inputs generation reads', async () => {
    const untested = structuredClone(original.testing);
    untested.cases = [];
    const testing = await store.writeJson(store.runDir(run.specId), 'testing.r8.json', { content: untested });
    const approved = { ...run.inputs.cost.approved, testing };
    const result = await runPhase(run.generator, store, { ...run.inputs.cost, revision: 3, approved });
    expect(result.orphans).toEqual(orphanRequirements({ ...original, testing: untested }));
    expect(result.orphans).toContain('FR-1');
    expect(result.inputsHash).toBe(run.results.cost.inputsHash);
  });
});
