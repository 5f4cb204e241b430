import { marked, type Token } from 'marked';
import { stringify } from 'yaml';
import type { PhaseContents } from '../../src/activities/phases/phase-contents';
import { renderArchitectureDiagram } from '../../src/activities/render/architecture-diagram';
import { renderOpenApiDocument } from '../../src/activities/render/openapi-document';
import type { PackContents } from '../../src/activities/render/pack-contents';
import { renderRolloutPlan } from '../../src/activities/render/rollout-plan';
import { renderTechnicalSpec } from '../../src/activities/render/technical-spec';
import { renderTestPlan } from '../../src/activities/render/test-plan';
import { planTickets } from '../../src/activities/tickets/plan-tickets';
import { TICKET_TITLE_LIMITS } from '../../src/activities/tickets/ticket-plan';
import { checkReferences } from '../../src/activities/validate/check-references';
import { validatePack } from '../../src/activities/validate/validate-pack';
import { PHASES } from '../../src/shared/phases';
import { offlinePack } from './in-process-pack';

const SPEC_ID = 'spec-in-process-00000001';

/** The three Markdown files of a pack, rendered as the worker renders them. */
export function packMarkdown(feature: string, description: string, phases: PhaseContents): Record<string, string> {
  const pack: PackContents = {
    specId: SPEC_ID,
    feature,
    description,
    slug: 'hostile',
    provenance: 'offline',
    phases,
    decisions: [],
  };
  return {
    'technical spec': renderTechnicalSpec(pack),
    'test plan': renderTestPlan(pack),
    'rollout plan': renderRolloutPlan(pack),
  };
}

/**
 * Everything that is wrong with the offline pack of a feature: an error thrown while it is built,
 * every failed check of every phase and of the pack, raw HTML or a script link in its Markdown,
 * and ticket titles longer than a tracker takes. An empty list is a pack that passes.
 */
export async function packProblems(feature: string, description = ''): Promise<string[]> {
  let phases: PhaseContents;
  try {
    phases = offlinePack(feature, description);
  } catch (error) {
    return [`building the pack: ${(error as Error).message.slice(0, 500)}`];
  }
  return phaseContentProblems(feature, description, phases);
}

/** The same checks, of the pack made from these phase contents (a model's, or edited ones). */
export async function phaseContentProblems(
  feature: string,
  description: string,
  phases: PhaseContents,
): Promise<string[]> {
  // Each phase passed its schema as it was built. Its other checks are the cited ids, checked here, and
  // the Mermaid and OpenAPI validators that the pack's checks below run again on the same diagrams and
  // on the same document (with the feature as its title), so they run once.
  const problems: string[] = [];
  const earlier: Partial<PhaseContents> = {};
  for (const phase of PHASES) {
    problems.push(...checkReferences(phase, phases[phase], earlier).map((error) => `${phase}: ${error}`));
    Object.assign(earlier, { [phase]: phases[phase] });
  }
  const markdown = packMarkdown(feature, description, phases);
  const document = renderOpenApiDocument(feature.slice(0, 120), phases.api, phases.security, 'offline');
  const pack = await validatePack({
    technicalSpec: markdown['technical spec']!,
    testPlan: markdown['test plan']!,
    rolloutPlan: markdown['rollout plan']!,
    architectureDiagram: renderArchitectureDiagram(phases.architecture, 'offline'),
    openApi: { document, yaml: stringify(document, { aliasDuplicateObjects: false }) },
  });
  for (const check of pack) problems.push(...check.errors.map((error) => `pack: ${check.validator}: ${error}`));
  for (const [name, text] of Object.entries(markdown))
    problems.push(...unsafeMarkdown(text).map((p) => `${name}: ${p}`));
  const plan = planTickets(SPEC_ID, feature, phases);
  const longest = Math.min(...Object.values(TICKET_TITLE_LIMITS));
  for (const ticket of [plan.epic, ...plan.tickets])
    if (ticket.title.length > longest || !ticket.title.trim() || /[\r\n]/.test(ticket.title))
      problems.push(`ticket ${ticket.key}: title of ${ticket.title.length} characters: ${ticket.title.slice(0, 80)}`);
  return problems;
}

/** Raw HTML and links to script URLs, as a Markdown parser (GitHub's dialect) reads the text. */
export function unsafeMarkdown(markdown: string): string[] {
  const problems: string[] = [];
  void marked.walkTokens(marked.lexer(markdown), (token: Token) => {
    if (token.type === 'html') problems.push(`raw HTML ${JSON.stringify(token.raw.slice(0, 60))}`);
    if ((token.type === 'link' || token.type === 'image') && isScriptUrl(token.href))
      problems.push(`a ${token.type} to ${JSON.stringify(token.href.slice(0, 60))}`);
  });
  const html = marked.parse(markdown, { async: false });
  if (/<script/i.test(html)) problems.push('a <script> element');
  if (/\shref\s*=\s*["']?\s*(?:javascript|vbscript|data):/i.test(html)) problems.push('a live script link');
  return problems;
}

function isScriptUrl(href: string): boolean {
  // Browsers ignore whitespace and control characters inside a scheme: "java\tscript:" runs too.
  return /^(?:javascript|vbscript|data):/i.test(href.replace(/[\s\u0000-\u001f]+/g, ''));
}
