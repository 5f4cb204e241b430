import SwaggerParser from '@apidevtools/swagger-parser';
import type { ValidationResult } from './validation-result';

/** swagger-parser's schema validation of an OpenAPI document. */
export async function validateOpenApi(document: Record<string, unknown>): Promise<ValidationResult> {
  try {
    // It dereferences in place; the caller's document must stay as written.
    await SwaggerParser.validate(structuredClone(document) as never);
    return { validator: 'swagger-parser', valid: true, errors: [] };
  } catch (error) {
    return { validator: 'swagger-parser', valid: false, errors: [(error as Error).message] };
  }
}
