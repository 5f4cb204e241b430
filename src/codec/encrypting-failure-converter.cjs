// CommonJS on purpose: the worker and the client load a failure converter with a plain require()
// of failureConverterPath (no TypeScript loader is there in the CLI, the worker or vitest), and
// the workflow bundle is built from the same file, so both sides encode failures alike.
const { DefaultFailureConverter } = require('@temporalio/common');

// Moves each failure's message and stack trace into an encoded payload, which the payload codec
// then encrypts; Temporal keeps only "Encoded failure" and the failure's type in plain text.
exports.failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
