/**
 * An amendment or retry that cannot start from the run it names: `conflict` (409) when that run is
 * not in a state to start from, `forbidden` (403) when the caller may not change it.
 */
export class BasisRefusedError extends Error {
  override name = 'BasisRefusedError';
  constructor(
    readonly kind: 'conflict' | 'forbidden',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
