// The floor: an in-process loop calling the model and waiting at each gate, with no durability.
import { driveEngine, type GatedRun } from '../orchestration-driver';
import { callModel, STEPS } from './call-model';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((resolved, rejected) => ((resolve = resolved), (reject = rejected)));
  return { promise, resolve, reject };
}

function startRun(key: string): Promise<GatedRun> {
  const approvals = STEPS.map(deferred);
  // gates[step]: the step's result waits for review; gates[STEPS.length]: the run ended.
  const gates = [...STEPS, 'end'].map(deferred);
  void (async () => {
    for (const [step] of STEPS.entries()) {
      await callModel(key, step);
      gates[step]!.resolve();
      await approvals[step]!.promise;
    }
    gates[STEPS.length]!.resolve();
  })().catch((error: unknown) => gates.forEach((gate) => gate.reject(error)));
  return gates[0]!.promise.then(() => ({
    approve(step) {
      approvals[step]!.resolve();
      return gates[step + 1]!.promise;
    },
  }));
}

await driveEngine({ start: startRun, close: async () => undefined });
