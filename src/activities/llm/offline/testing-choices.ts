import { readStackProfile } from '../../context/stack-profile';
import type { PhaseContext } from '../../phases/phase-definition';

/** What the team's context decides in the offline test plan. */
export interface TestingChoices {
  /** What integration tests run against: "MySQL 8 and Apache Kafka". */
  dependencies: string;
  mockingStrategy: string;
}

/** Tests in the team's language and tools, against their database and broker. */
export function testingChoices(context: PhaseContext): TestingChoices {
  const { database, broker, runtime } = readStackProfile(context.project?.text);
  const containers = [
    database.emulator ?? database.name,
    broker.stated ? (broker.emulator ?? broker.technology) : 'queue',
  ];
  return {
    dependencies: `${database.stated ? database.label : database.name} and ${broker.stated ? broker.technology : 'queue'}`,
    mockingStrategy: runtime.stated
      ? `Unit tests: ${runtime.unitTests}. Integration tests start real ${containers.join(' and ')} containers with ${runtime.containers}; external email is a local fake HTTP server.`
      : `Unit tests fake the repository, queue and clock behind interfaces; integration tests use real ${containers.join(' and ')} containers; external email is a local fake HTTP server.`,
  };
}
