import { createConfig, lintFromString, type Config } from '@redocly/openapi-core';
import type { ValidationResult } from './validation-result';

let config: Promise<Config> | undefined;

/**
 * Redocly's recommended rules, plus one of ours: OpenAPI 3.1 makes `responses` optional and
 * neither validator flags an operation without it.
 */
function lintConfig(): Promise<Config> {
  config ??= createConfig({
    extends: ['recommended'],
    rules: {
      'rule/operation-has-responses': {
        subject: { type: 'Operation' },
        assertions: { required: ['responses'] },
        message: 'Every operation must declare its responses',
        severity: 'error',
      },
    },
  } as never);
  return config;
}

/** Lints the YAML; errors fail the check, warnings are reported beside it. */
export async function lintOpenApi(yaml: string): Promise<ValidationResult & { warnings: string[] }> {
  const problems = await lintFromString({ source: yaml, absoluteRef: 'api_spec.yaml', config: await lintConfig() });
  const describe = (problem: (typeof problems)[number]) =>
    `${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer ?? ''})`;
  const errors = problems.filter((problem) => problem.severity === 'error').map(describe);
  const warnings = problems.filter((problem) => problem.severity !== 'error').map(describe);
  return {
    validator: 'redocly lint (recommended + operation-has-responses)',
    valid: errors.length === 0,
    errors,
    warnings,
  };
}
