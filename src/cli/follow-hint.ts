/** How to follow a run the CLI started through a backend: the run goes on in whatever worker polls its task queue. */
export function followHint(id: string): string[] {
  return [
    `Follow it: specforge status ${id}   (review page: specforge open ${id})`,
    'A worker runs it: specforge start, or the worker of your deployment.',
  ];
}
