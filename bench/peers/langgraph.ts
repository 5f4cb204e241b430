// LangGraph JS: a node per step and a gate node of its own after each, interrupt() there, resumed with a Command;
// every step checkpointed to a SQLite file before the graph goes on (durability "sync").
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Annotation, Command, END, interrupt, START, StateGraph } from '@langchain/langgraph';
import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';
import { driveEngine } from '../orchestration-driver';
import { callModel, STEPS } from './call-model';

const State = Annotation.Root({
  key: Annotation<string>,
  sections: Annotation<string[]>({ reducer: (earlier, added) => [...earlier, ...added], default: () => [] }),
});

// Node names are built in a loop, which the builder's literal node-name types cannot follow.
const builder = new StateGraph(State) as unknown as StateGraph<typeof State.spec, any, any, string>;
let previous = START as string;
for (const [step, name] of STEPS.entries()) {
  builder.addNode(name, async (state: typeof State.State) => ({ sections: [await callModel(state.key, step)] }));
  builder.addNode(`${name} gate`, () => {
    interrupt({ review: name });
    return {};
  });
  builder.addEdge(previous, name);
  builder.addEdge(name, `${name} gate`);
  previous = `${name} gate`;
}
builder.addEdge(previous, END);

const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-langgraph-')), 'checkpoints.sqlite');
const graph = builder.compile({ checkpointer: SqliteSaver.fromConnString(file) });

async function start(key: string) {
  const config = { configurable: { thread_id: key }, durability: 'sync' as const };
  // Returns at the first interrupt: the first step waits at its gate.
  await graph.invoke({ key }, config);
  return {
    async approve() {
      await graph.invoke(new Command({ resume: 'approve' }), config);
    },
  };
}

await driveEngine({ start, close: async () => undefined });
