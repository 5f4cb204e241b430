import type { Security } from '../../phases/security/schema';
import { bulletList, markdownTable } from '../markdown-table';

export function securitySection(security: Security): string {
  return [
    '### Authentication',
    `${security.authentication.scheme}: ${security.authentication.description}`,
    '### Authorization',
    security.authorization,
    '### Encryption',
    `At rest: ${security.encryptionAtRest}\n\nIn transit: ${security.encryptionInTransit}`,
    '### Input validation',
    bulletList(security.inputValidation),
    '### CORS and CSP',
    `CORS: ${security.cors}\n\nCSP: \`${security.csp.replace(/`/g, "'")}\``,
    '### Threats and controls',
    markdownTable(
      ['Id', 'Category', 'Threat', 'Control'],
      security.threats.map((threat) => [threat.id, threat.category, threat.threat, threat.control]),
    ),
  ].join('\n\n');
}
