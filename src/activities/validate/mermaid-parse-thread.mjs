// mermaid.parse needs a DOM. It lives in this thread so that jsdom's `window` never becomes a
// global of the worker process, where it would make other libraries (swagger-parser) think they
// run in a browser.
import { parentPort } from 'node:worker_threads';
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = window;
globalThis.document = window.document;
globalThis.DOMParser = window.DOMParser;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

parentPort.on('message', async ({ id, text }) => {
  try {
    await mermaid.parse(text);
    parentPort.postMessage({ id, ok: true });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: String(error?.message ?? error) });
  }
});
