/**
 * How old a cached status may be when the API answers with it (GET /v1/specs/:id, the review
 * page's state poll). A read costs a describe and a query (a round trip to the worker); polled by
 * many clients, one read per run per bound serves them all. The API's own starts, decisions,
 * cancels, amendments and retries drop the entry, so whoever acts here reads the effect at once;
 * changes made elsewhere (the worker, the CLI) show within the bound.
 */
export const STATUS_FRESH_FOR_MS = 1_000;

/** Runs remembered at most; the one read longest ago is dropped first. */
const MAX_RUNS = 1_000;

interface Entry<T> {
  /** When the read started: the answer is at least this old. */
  readAt: number;
  answer: Promise<T>;
  settled: boolean;
  /** The read that replaces this entry, started ahead of expiry and under way. */
  refresh?: Entry<T>;
}

/**
 * A per-process cache of the last status read per run. Concurrent requests for one run share one
 * read (single flight); an answer is reused while younger than `freshForMs`, and once half of that
 * has passed the next request refreshes it in the background, so under steady polling no request
 * waits for Temporal. Failures are never kept.
 */
export class SpecStatusCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly read: (id: string) => Promise<T>,
    private readonly options: { freshForMs?: number; maxRuns?: number; now?: () => number } = {},
  ) {}

  get(id: string): Promise<T> {
    const entry = this.entries.get(id);
    if (!entry) return this.start(id).answer;
    if (!entry.settled) return entry.answer;
    const age = this.now() - entry.readAt;
    // Expired while its refresh is under way (a read slower than half the bound): the request waits
    // for that read, never starts another.
    if (age >= this.freshForMs) return entry.refresh ? entry.refresh.answer : this.start(id).answer;
    if (!entry.refresh && age >= this.freshForMs / 2) this.refreshAhead(id, entry);
    return entry.answer;
  }

  /** The run changed through this process: the next request reads it again; a read under way is not kept. */
  invalidate(id: string): void {
    this.entries.delete(id);
  }

  private refreshAhead(id: string, stale: Entry<T>): void {
    const next = this.readEntry(id);
    stale.refresh = next;
    next.answer.then(
      () => {
        // Kept only if nothing replaced or invalidated the entry it refreshes meanwhile.
        if (this.entries.get(id) === stale) this.remember(id, next);
      },
      () => {
        stale.refresh = undefined;
      },
    );
  }

  private start(id: string): Entry<T> {
    const entry = this.readEntry(id);
    this.remember(id, entry);
    return entry;
  }

  private readEntry(id: string): Entry<T> {
    const entry: Entry<T> = { readAt: this.now(), answer: this.read(id), settled: false };
    entry.answer.then(
      () => {
        entry.settled = true;
      },
      () => {
        if (this.entries.get(id) === entry) this.entries.delete(id);
      },
    );
    return entry;
  }

  private remember(id: string, entry: Entry<T>): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
    const maxRuns = this.options.maxRuns ?? MAX_RUNS;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= maxRuns) break;
      this.entries.delete(oldest);
    }
  }

  private get freshForMs(): number {
    return this.options.freshForMs ?? STATUS_FRESH_FOR_MS;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
