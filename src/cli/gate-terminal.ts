import { createInterface } from 'node:readline/promises';
import { colours, wantsColour, type Colours } from './colours';
import { pageText } from './page-text';

/** What a gate needs from the terminal; tests script it. */
export interface GateTerminal {
  ask(question: string): Promise<string>;
  write(text: string): void;
  /** Long text goes through the pager. */
  page(text: string): Promise<void>;
  paint: Colours;
}

/** Ctrl-C at a prompt: the person leaves; the run keeps waiting at its gate. */
export class PromptInterruptedError extends Error {
  override name = 'PromptInterruptedError';
}

/**
 * This process's terminal. Each question opens and closes its own readline, so nothing reads the
 * keyboard while a pager has it.
 */
export function processTerminal(): GateTerminal {
  return {
    async ask(question) {
      const terminal = createInterface({ input: process.stdin, output: process.stdout });
      const interrupt = new AbortController();
      terminal.once('SIGINT', () => interrupt.abort());
      try {
        return await terminal.question(question, { signal: interrupt.signal });
      } catch (error) {
        if (interrupt.signal.aborted) throw new PromptInterruptedError('interrupted at the prompt');
        throw error;
      } finally {
        terminal.close();
      }
    },
    write: (text) => process.stdout.write(text),
    page: (text) => pageText(text),
    paint: colours(wantsColour(process.stdout)),
  };
}
