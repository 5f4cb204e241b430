/** The fields of a GitHub issue the ticket target keeps: bodies stay on GitHub. */
export interface SeenIssue {
  id: number;
  number: number;
  title: string;
  html_url: string;
  /** The `specforge:…` markers in its body (hidden comments). */
  markers: string[];
}

const MARKER = /<!-- (specforge:\S+) -->/g;

/**
 * What one run's lookups have already read of its GitHub issues. The listing is newest first, so a
 * lookup reads pages only until it reaches issues already listed: one page per lookup, not every
 * page of the run every time.
 */
export class SeenIssues {
  private readonly issues = new Map<number, SeenIssue>();
  /** Every issue numbered up to here has been listed (issue numbers grow with creation). */
  listedThrough = 0;

  add(issue: { id: number; number: number; title: string; html_url: string; body?: string | null }): void {
    const markers = [...(issue.body ?? '').matchAll(MARKER)].map((match) => match[1]!);
    const { id, number, title, html_url } = issue;
    this.issues.set(number, { id, number, title, html_url, markers });
  }

  /** The oldest issue carrying the marker: the one kept when a duplicate exists. */
  withMarker(marker: string): SeenIssue | undefined {
    return this.all().find((issue) => issue.markers.includes(marker));
  }

  /** Oldest first. */
  all(): SeenIssue[] {
    return [...this.issues.values()].sort((a, b) => a.number - b.number);
  }
}
