import type { GateName } from './decision';
import type { SpecStatus } from './spec-run';

/** What the run tells the team's webhook: a gate opened, a gate is still waiting, the run ended. */
export interface RunEvent {
  kind: 'gate_opened' | 'gate_reminder' | 'run_finished';
  specId: string;
  feature: string;
  phase?: GateName;
  revision?: number;
  /** When the gate opened, for reminders. */
  since?: string;
  status?: SpecStatus;
  error?: string;
}
