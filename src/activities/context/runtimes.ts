import type { Recognisable } from './find-mention';

export interface Runtime extends Recognisable {
  id: string;
  name: string;
  /** Languages on this runtime the text may name: "Kotlin" names the JVM runtime, "TypeScript" is added to Node.js. */
  languages: readonly { pattern: RegExp; name: string; replacesName?: boolean }[];
  /** The runtime's own names, after which a number is its version ("Go 1.22", not "Spring Boot 3"). */
  versioned: RegExp;
  frameworks: readonly [RegExp, string][];
  /** Unit tests and their fakes, for the mocking strategy. */
  unitTests: string;
  /** How integration tests start real dependencies. */
  containers: string;
  /** The schema migration tool a team on this runtime most often uses with a relational engine. */
  migrationTool(framework: string | undefined): string;
}

/** The runtimes and languages teams commonly build services in. */
export const RUNTIMES: readonly Runtime[] = [
  {
    id: 'node',
    pattern: /\bnode\.?js\b|\bNode \d{2}\b|\bnest\.?js\b|\bdeno\b/i,
    name: 'Node.js',
    languages: [{ pattern: /\btypescript\b/i, name: 'TypeScript' }],
    versioned: /^node/i,
    frameworks: [
      [/\bnest\.?js\b/i, 'NestJS'],
      [/\bfastify\b/i, 'Fastify'],
      [/\bExpress(?:\.js)?\b/, 'Express'],
    ],
    unitTests: 'Vitest with fakes of the repository, queue and clock behind interfaces',
    containers: 'Testcontainers for Node.js',
    migrationTool: () => 'Knex migrations',
  },
  {
    id: 'go',
    pattern: /\b[Gg]olang\b|\bGo\b(?!\s+(?:to|live|ahead|back|through|over|out|down|up|away|with|for|beyond)\b)/,
    name: 'Go',
    languages: [],
    versioned: /^(go|golang)$/i,
    frameworks: [[/\bGin\b/, 'Gin']],
    unitTests: 'go test with testify, and hand-written fakes of the repository, broker and clock behind interfaces',
    containers: 'testcontainers-go',
    migrationTool: () => 'golang-migrate',
  },
  {
    id: 'jvm',
    pattern: /\b[Jj]ava\b|\b[Kk]otlin\b|\bSpring(?:\s+Boot)?\b|\b[Qq]uarkus\b|\b[Mm]icronaut\b|\bJVM\b/,
    name: 'Java',
    languages: [{ pattern: /\bkotlin\b/i, name: 'Kotlin', replacesName: true }],
    versioned: /^(java|kotlin)$/i,
    frameworks: [
      [/\bSpring(?:\s+Boot)?\b/, 'Spring Boot'],
      [/\bquarkus\b/i, 'Quarkus'],
      [/\bmicronaut\b/i, 'Micronaut'],
      [/\bktor\b/i, 'Ktor'],
    ],
    unitTests: 'JUnit 5 with Mockito mocks of the repository, broker client and clock',
    containers: 'Testcontainers for Java',
    migrationTool: () => 'Flyway',
  },
  {
    id: 'python',
    pattern: /\bpython\b|\bdjango\b|\bfastapi\b|\bflask\b/i,
    name: 'Python',
    languages: [],
    versioned: /^python$/i,
    frameworks: [
      [/\bdjango\b/i, 'Django'],
      [/\bfastapi\b/i, 'FastAPI'],
      [/\bflask\b/i, 'Flask'],
    ],
    unitTests: 'pytest with unittest.mock fakes of the repository, broker client and clock',
    containers: 'testcontainers-python',
    migrationTool: (framework) => (framework === 'Django' ? 'Django migrations' : 'Alembic'),
  },
  {
    id: 'dotnet',
    pattern: /(?<!\w)\.net\b|\basp\.net\b|\bdotnet\b|\bc#(?!\w)/i,
    name: '.NET',
    languages: [
      { pattern: /\bc#(?!\w)/i, name: 'C#' },
      { pattern: /\bf#(?!\w)/i, name: 'F#' },
    ],
    versioned: /^(\.net|dotnet)$/i,
    frameworks: [[/\basp\.net(?:\s+core)?\b/i, 'ASP.NET Core']],
    unitTests: 'xUnit with Moq fakes of the repository, broker client and clock',
    containers: 'Testcontainers for .NET',
    migrationTool: () => 'EF Core migrations',
  },
  {
    id: 'ruby',
    pattern: /\b[Rr]uby\b|\bRails\b/,
    name: 'Ruby',
    languages: [],
    versioned: /^ruby$/i,
    frameworks: [
      [/\bRails\b/, 'Rails'],
      [/\bSinatra\b/, 'Sinatra'],
    ],
    unitTests: 'RSpec with instance doubles of the repository, broker client and clock',
    containers: 'Testcontainers for Ruby',
    migrationTool: (framework) => (framework === 'Rails' ? 'Active Record migrations' : 'Sequel migrations'),
  },
  {
    id: 'rust',
    pattern: /\brust\b|\baxum\b|\bactix\b/i,
    name: 'Rust',
    languages: [],
    versioned: /^rust$/i,
    frameworks: [
      [/\baxum\b/i, 'axum'],
      [/\bactix\b/i, 'Actix Web'],
    ],
    unitTests: 'cargo test with mockall mocks of the repository, broker client and clock traits',
    containers: 'testcontainers-rs',
    migrationTool: () => 'sqlx migrate',
  },
  {
    id: 'php',
    pattern: /\bphp\b|\blaravel\b|\bsymfony\b/i,
    name: 'PHP',
    languages: [],
    versioned: /^php$/i,
    frameworks: [
      [/\blaravel\b/i, 'Laravel'],
      [/\bsymfony\b/i, 'Symfony'],
    ],
    unitTests: 'PHPUnit with test doubles of the repository, broker client and clock',
    containers: 'Testcontainers for PHP',
    migrationTool: (framework) => (framework === 'Laravel' ? 'Laravel migrations' : 'Doctrine Migrations'),
  },
  {
    id: 'elixir',
    pattern: /\belixir\b/i,
    name: 'Elixir',
    languages: [],
    versioned: /^elixir$/i,
    frameworks: [[/\bPhoenix\b/, 'Phoenix']],
    unitTests: 'ExUnit with Mox mocks of the repository, broker client and clock behaviours',
    containers: 'containers started by the test suite with Docker Compose',
    migrationTool: () => 'Ecto migrations',
  },
];

export const DEFAULT_RUNTIME = RUNTIMES[0]!;

/** TypeScript and JavaScript name a service runtime only when nothing else does: web clients are written in them too. */
export const CLIENT_SIDE_LANGUAGES = /\btypescript\b|\bjavascript\b/i;
