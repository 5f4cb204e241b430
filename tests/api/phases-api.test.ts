import { describe, expect, it } from 'vitest';
import { NOT_REACHED } from '../../src/activities/render/pack-contents';
import type { PhaseName } from '../../src/shared/phases';
import { waitForGate } from '../helpers/spec-helpers';
import { type TestStack } from '../helpers/test-stack';
import { waitFor } from '../helpers/wait-for';
import { expectProblem } from '../helpers/expect-problem';
import type { ApiServer } from '../helpers/api-server';
import { useApiServer } from '../helpers/use-api-server';

let stack: TestStack;
let api: ApiServer;
useApiServer((started) => ({ stack, api } = started));

async function startRun(feature: string): Promise<string> {
  const created = await api.call('POST', '/v1/specs', { feature, gates: 'each' });
  expect(created.status).toBe(201);
  return created.json.id;
}

const decide = async (id: string, phase: PhaseName, action: string, extra: Record<string, unknown> = {}) => {
  const response = await api.call('POST', `/v1/specs/${id}/decisions`, { phase, action, by: 'ana', ...extra });
  expect(response.status, response.text).toBe(200);
};

const validators = (view: { checks: { validator: string; valid: boolean }[] }) =>
  view.checks.map((check) => [check.validator, check.valid]);

describe('a phase at its gate', () => {
  it("shows the answers given at the requirements' approval in the questions of later phases and in the draft spec", async () => {
    const id = await startRun('Add passwordless login with magic links');
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      await decide(id, 'requirements', 'approve', { content: { answers: { 'Q-1': 'Only staff accounts at first' } } });
      await waitForGate(stack.client, id, 'architecture');
      const view = (await api.call('GET', `/v1/specs/${id}/phases/architecture`)).json;
      expect(view.questions.find((question: { id: string }) => question.id === 'Q-1')).toMatchObject({
        answer: 'Only staff accounts at first',
      });
      const slug = 'add-passwordless-login-with-magic-links';
      const draft = await api.call('GET', `/v1/specs/${id}/artifacts/technical_spec_${slug}.md`);
      expect(draft.text).toContain('Only staff accounts at first');
      await stack.client.workflow.getHandle(id).terminate('test done');
    });
  });

  it('shows the requirements a gate waits on: content, the section as in the pack, checks, questions and items', async () => {
    const id = await startRun('Add passwordless login with magic links');
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const view = (await api.call('GET', `/v1/specs/${id}/phases/requirements`)).json;
      expect(view).toMatchObject({
        specId: id,
        phase: 'requirements',
        revision: 1,
        revisions: [1],
        current: true,
        state: 'awaiting_approval',
        provider: 'offline',
      });
      expect(view.summary).toMatch(/functional and \d+ non-functional requirements/);
      expect(view.markdown).toMatch(/^## 1\. Requirements\n\n/);
      expect(view.markdown).toContain(`| FR-1 | ${view.content.functional[0].text} |`);
      expect(validators(view)).toEqual([
        ['schema', true],
        ['cited ids exist', true],
      ]);
      expect(view.questions).toHaveLength(view.content.questions.length);
      expect(view.questions[0]).toEqual({
        id: 'Q-1',
        question: view.content.questions[0].question,
        suggestedDefault: view.content.questions[0].suggestedDefault,
        answer: null,
      });
      const ids = view.items.map((item: { id: string }) => item.id);
      expect(ids).toEqual(expect.arrayContaining(['FR-1', 'NFR-1', 'US-1', 'Q-1']));
      expect(view.items.find((item: { id: string }) => item.id === 'FR-1')).toEqual({
        id: 'FR-1',
        kind: 'functional requirement',
        label: view.content.functional[0].text,
      });
      await stack.client.workflow.getHandle(id).terminate('test done');
    });
  });

  it('shows the architecture with its Mermaid flowchart, its diagram file and its Mermaid check', async () => {
    const id = await startRun('Export invoices to CSV');
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      await decide(id, 'requirements', 'approve');
      await waitForGate(stack.client, id, 'architecture');
      const view = (await api.call('GET', `/v1/specs/${id}/phases/architecture`)).json;
      expect(view.markdown).toMatch(/^## 2\. Architecture\n\n/);
      expect(view.markdown).toMatch(/```mermaid\n%% .*\nflowchart LR\n/);
      expect(validators(view)).toEqual([
        ['schema', true],
        ['cited ids exist', true],
        ['mermaid.parse', true],
      ]);
      expect(
        view.items.filter((item: { kind: string }) => item.kind === 'component').map((item: { id: string }) => item.id),
      ).toEqual(view.content.components.map((component: { id: string }) => component.id));
      expect(view.files.map((file: { file: string }) => file.file)).toEqual([
        'architecture_diagram_export-invoices-to-csv.mmd',
      ]);
      expect(view.files[0].text).toContain('flowchart LR');
      expect(view.questions.map((question: { id: string }) => question.id)).toEqual(['Q-1', 'Q-2', 'Q-3']);
      await stack.client.workflow.getHandle(id).terminate('test done');
    });
  });
});

describe('revisions and their diff', () => {
  it('shows revision 2 after a change request, revision 1 on request, and what changed between them', async () => {
    const id = await startRun('Add team invitations');
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      expectProblem(await api.call('GET', `/v1/specs/${id}/phases/requirements/diff`), 404, 'from');
      await decide(id, 'requirements', 'request_changes', { comment: 'Invitations expire after 7 days' });
      await waitForGate(stack.client, id, 'requirements', 2);

      const current = (await api.call('GET', `/v1/specs/${id}/phases/requirements`)).json;
      expect(current).toMatchObject({ revision: 2, revisions: [1, 2], current: true, state: 'awaiting_approval' });
      const first = (await api.call('GET', `/v1/specs/${id}/phases/requirements/revisions/1`)).json;
      expect(first).toMatchObject({ revision: 1, revisions: [1, 2], current: false });
      expect(first.content.functional.length).toBe(current.content.functional.length - 1);

      const diff = await api.call('GET', `/v1/specs/${id}/phases/requirements/diff`);
      expect(diff.status).toBe(200);
      expect(diff.json).toMatchObject({ specId: id, phase: 'requirements', from: 1, to: 2, removed: [] });
      const added = current.content.functional.at(-1);
      expect(added.text).toMatch(/^Reviewer request: .*Invitations expire after 7 days/);
      expect(diff.json.added).toEqual([{ id: added.id, kind: 'functional requirement', label: added.text }]);
      const lines = diff.json.lines
        .filter((line: { op: string }) => line.op === '+')
        .map((line: { text: string }) => line.text);
      expect(lines).toContain(`| ${added.id} | ${added.text} | ${added.priority} |`);
      expect(
        lines.some(
          (line: string) => line.includes('Invitations expire after 7 days') && line.startsWith('- Revision 2'),
        ),
      ).toBe(true);

      const explicit = await api.call('GET', `/v1/specs/${id}/phases/requirements/diff?from=1&to=2`);
      expect(explicit.json).toEqual(diff.json);
      const reverse = (await api.call('GET', `/v1/specs/${id}/phases/requirements/diff?from=2&to=1`)).json;
      expect(reverse.removed).toEqual(diff.json.added);
      await stack.client.workflow.getHandle(id).terminate('test done');
    });
  });

  it('refuses an unknown phase, a missing revision and bad numbers, naming the field', async () => {
    const id = await startRun('Add saved searches');
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      expectProblem(await api.call('GET', `/v1/specs/${id}/phases/design`), 404, 'phase');
      expectProblem(await api.call('GET', `/v1/specs/${id}/phases/cost`), 404, 'phase');
      expectProblem(await api.call('GET', `/v1/specs/${id}/phases/requirements/revisions/99`), 404, 'revision');
      expectProblem(await api.call('GET', `/v1/specs/${id}/phases/requirements/revisions/0`), 422, 'revision');
      expectProblem(await api.call('GET', `/v1/specs/${id}/phases/requirements/revisions/first`), 422, 'revision');
      expectProblem(await api.call('GET', `/v1/specs/${id}/phases/requirements/diff?from=abc`), 422, 'from');
      expectProblem(await api.call('GET', `/v1/specs/${id}/phases/requirements/diff?from=1&to=99`), 404, 'to');
      expectProblem(await api.call('GET', `/v1/specs/${id}/phases/requirements/diff?form=1`), 422, 'query');
      expectProblem(await api.call('GET', '/v1/specs/spec-nothing-here-0123abcd/phases/requirements'), 404, 'id');
      await stack.client.workflow.getHandle(id).terminate('test done');
    });
  });
});

describe('the draft pack and edits at the api gate', () => {
  it('lists and serves the draft pack while the run waits, checks edits without deciding, records an accepted edit, and keeps the views once closed', async () => {
    const id = await startRun('Export invoices to CSV');
    const slug = 'export-invoices-to-csv';
    await stack.withWorker(async () => {
      for (const phase of ['requirements', 'architecture', 'database'] as const) {
        await waitForGate(stack.client, id, phase);
        await decide(id, phase, 'approve');
      }
      await waitForGate(stack.client, id, 'api');

      const status = (await api.call('GET', `/v1/specs/${id}`)).json;
      const drafts = status.artifacts.filter((artifact: { draft?: boolean }) => artifact.draft);
      expect(drafts.map((artifact: { file: string }) => artifact.file).sort()).toEqual([
        `api_spec_${slug}.yaml`,
        `architecture_diagram_${slug}.mmd`,
        `technical_spec_${slug}.md`,
      ]);
      expect(drafts[0].href).toBe(`/v1/specs/${id}/artifacts/${drafts[0].file}`);

      const view = (await api.call('GET', `/v1/specs/${id}/phases/api`)).json;
      expect(view.markdown).toMatch(/^## 4\. API\n\n/);
      expect(view.markdown).toMatch(/```mermaid\nsequenceDiagram\n/);
      expect(validators(view)).toEqual([
        ['schema', true],
        ['cited ids exist', true],
        ['mermaid.parse', true],
        ['swagger-parser', true],
        ['redocly lint (recommended + operation-has-responses)', true],
      ]);
      const operations = view.items.filter((item: { kind: string }) => item.kind === 'operation');
      expect(operations[0]).toMatchObject({
        id: expect.stringMatching(/^(GET|POST|PATCH|DELETE) \/v1\//),
        label: expect.stringMatching(/^\w+: /),
      });
      expect(view.files[0]).toMatchObject({
        file: `api_spec_${slug}.yaml`,
        text: expect.stringMatching(/^openapi: 3\.1\.0/),
      });

      const spec = await api.call('GET', `/v1/specs/${id}/artifacts/technical_spec_${slug}.md`);
      expect(spec.status).toBe(200);
      expect(spec.type).toContain('text/markdown');
      expect(spec.text).toContain(`\n\n${view.markdown}\n\n## 5. Security\n\n${NOT_REACHED}`);
      expect(spec.text).toContain('## 3. Database');
      const yaml = await api.call('GET', `/v1/specs/${id}/artifacts/api_spec_${slug}.yaml`);
      expect(yaml.text).toBe(view.files[0].text);
      expectProblem(await api.call('GET', `/v1/specs/${id}/artifacts/test_plan_${slug}.md`), 404, 'file');

      const accepted = await api.call('POST', `/v1/specs/${id}/phases/api/validate`, view.content);
      expect(accepted.status, accepted.text).toBe(200);
      expect(accepted.json.valid).toBe(true);
      expect(validators(accepted.json)).toEqual(validators(view));
      const badName = structuredClone(view.content);
      badName.resources[0].name = 'Invoice Exports';
      const refused = await api.call('POST', `/v1/specs/${id}/phases/api/validate`, badName);
      expectProblem(refused, 422, 'content.resources.0.name');
      const unknownRequirement = structuredClone(view.content);
      unknownRequirement.resources[0].operations[0].requirements = ['FR-99'];
      const unchecked = await api.call('POST', `/v1/specs/${id}/phases/api/validate`, unknownRequirement);
      expectProblem(unchecked, 422, 'content');
      expect(unchecked.json.errors[0].message).toMatch(/cites FR-99, which is not a requirement/);
      expect((await api.call('GET', `/v1/specs/${id}`)).json.pendingApproval).toMatchObject({
        phase: 'api',
        revision: 1,
      });

      const edited = structuredClone(view.content);
      edited.resources[0].operations[0].summary = 'Export invoices as one CSV file';
      await decide(id, 'api', 'edit', { content: edited });
      await waitForGate(stack.client, id, 'security');
      const afterEdit = (await api.call('GET', `/v1/specs/${id}/phases/api`)).json;
      expect(afterEdit).toMatchObject({ revision: 2, revisions: [1, 2], state: 'approved', provider: 'edit by ana' });
      expect(validators(afterEdit)).toEqual(validators(view));
      const editDiff = (await api.call('GET', `/v1/specs/${id}/phases/api/diff`)).json;
      expect(editDiff.changed).toEqual([
        {
          ...operations[0],
          label: expect.stringContaining('Export invoices as one CSV file'),
          fields: [
            {
              path: 'summary',
              before: view.content.resources[0].operations[0].summary,
              after: 'Export invoices as one CSV file',
            },
          ],
        },
      ]);

      expect((await api.call('POST', `/v1/specs/${id}/cancel`)).status).toBe(202);
      // Closed, not just cancelled: until then a busy worker's status may come from search attributes, which list no files.
      await waitFor(
        async () => ((await api.call('GET', `/v1/specs/${id}`)).json.temporalStatus === 'CANCELLED' ? true : undefined),
        'the run to be closed as cancelled',
      );
    });

    const closed = (await api.call('GET', `/v1/specs/${id}`)).json;
    expect(closed.artifacts.filter((artifact: { draft?: boolean }) => artifact.draft)).toEqual([]);
    const approved = (await api.call('GET', `/v1/specs/${id}/phases/database`)).json;
    expect(approved).toMatchObject({ phase: 'database', revision: 1, state: 'approved', current: true });
    expect(approved.markdown).toMatch(/```mermaid\nerDiagram/);
    const final = await api.call('GET', `/v1/specs/${id}/artifacts/technical_spec_${slug}.md`);
    expect(final.text).toContain(approved.markdown);
  });
});
