export interface ValidationResult {
  validator: string;
  valid: boolean;
  errors: string[];
  /** Why a check did not run (e.g. no Chromium for SVG rendering); never an error. */
  skipped?: string;
}
