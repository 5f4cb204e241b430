import type { Security } from '../../phases/security/schema';
import { bulletList, markdownTable } from '../markdown-table';
import { markdownBlock, markdownCode, markdownInline } from '../markdown-text';

export function securitySection(security: Security): string {
  return [
    '### Authentication',
    markdownInline(`${security.authentication.scheme}: ${security.authentication.description}`),
    '### Authorization',
    markdownBlock(security.authorization),
    '### Encryption',
    `At rest: ${markdownInline(security.encryptionAtRest)}\n\nIn transit: ${markdownInline(security.encryptionInTransit)}`,
    '### Input validation',
    bulletList(security.inputValidation),
    '### CORS and CSP',
    `CORS: ${markdownInline(security.cors)}\n\nCSP: ${markdownCode(security.csp)}`,
    '### Threats and controls',
    markdownTable(
      ['Id', 'Category', 'Threat', 'Control'],
      security.threats.map((threat) => [threat.id, threat.category, threat.threat, threat.control]),
    ),
  ].join('\n\n');
}
