/** What the model is asked for in the testing phase, beyond the schema: every sub-item the design lists. */
export const testingPrompt = [
  'Write the test plan as cases (T-n) at every level:',
  'unit scenarios (and the mocking strategy);',
  'integration tests against real dependencies;',
  'end-to-end (e2e) user journeys;',
  'performance benchmarks with numbers (load, duration, latency percentiles, error rate);',
  'security scenarios;',
  'chaos experiments (a dependency fails or slows, and what must still hold).',
  'Trace each case to the FR or NFR ids it checks (every NFR needs a case; performance cases state the numbers they check), and each security case to the threats (TH-n) it shows stopped.',
].join(' ');
