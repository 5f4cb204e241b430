/** What the model is asked for in the requirements phase, beyond the schema: every sub-item the design lists. */
export const requirementsPrompt = [
  'Write a one-paragraph summary, then:',
  'functional requirements (FR-n), each one testable, parsed from the request and validated against it, with a priority (must, should or could);',
  'non-functional requirements (NFR-n) with numbers: performance (latency percentiles, throughput), availability, security, scalability and data retention;',
  'user stories (US-n) citing the FR ids they serve, each with Given/When/Then acceptance criteria (AC-n.m) and its edge cases;',
  'open questions (Q-n) for every missing or ambiguous requirement, each with a suggested default that the rest of the spec assumes until it is answered.',
  'Apply the answers given.',
].join(' ');
