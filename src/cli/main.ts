import { loadConfig } from '../config/load-config';
import { colours, wantsColour } from './colours';
import { createProgram } from './create-program';
import { pageText } from './page-text';
import { terminalText } from './terminal-text';

const program = createProgram({
  loadConfig: () => loadConfig(),
  // Loaded by the commands that reach a run: --help never loads Temporal's client.
  openBackend: async (config) => (await import('./open-backend')).openBackend(config),
  print: (text) => console.log(text),
  page: (text) => pageText(text),
  paint: colours(wantsColour(process.stdout)),
});

program.parseAsync().catch((error: Error) => {
  // One line: a refusal, a problem's detail or a configuration error, never a stack trace.
  console.error(`specforge: ${terminalText(error.message).replace(/\s*\n\s*/g, ' ')}`);
  process.exitCode = 1;
});
