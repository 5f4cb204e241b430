import { runWorker } from '../cli/commands/worker';
import { loadConfig } from '../config/load-config';

/** The worker entry point docker images and older scripts run; the same as `specforge worker`. */
await runWorker(loadConfig());
