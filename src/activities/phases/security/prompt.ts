/** What the model is asked for in the security phase, beyond the schema: every sub-item the design lists. */
export const securityPrompt = [
  'Specify authentication and API security (scheme oauth2, bearer-jwt or api-key, and how tokens or keys are issued, checked and rotated);',
  'authorization (who may do what, and where it is enforced);',
  'encryption at rest and encryption in transit;',
  'input validation and sanitization rules;',
  'the CORS policy and the CSP header;',
  'and a STRIDE threat list (TH-n) with a control for each; each control cites the FR or NFR ids it serves.',
].join(' ');
