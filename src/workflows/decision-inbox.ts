import type { Decision } from '../shared/decision';
import type { DecisionRefusal } from '../shared/decision-check';
import type { DecisionOutcome } from './messages';

export interface InboxItem {
  decision: Decision;
  /** Set for updates, whose caller waits for the outcome. */
  token?: number;
}

/** Decisions in arrival order, from signals and updates alike; updates wait for their outcome. */
export class DecisionInbox {
  private readonly items: InboxItem[] = [];
  private readonly outcomes = new Map<number, DecisionOutcome | DecisionRefusal>();
  private lastToken = 0;

  push(decision: Decision): void {
    this.items.push({ decision });
  }

  pushAwaited(decision: Decision): number {
    this.lastToken += 1;
    this.items.push({ decision, token: this.lastToken });
    return this.lastToken;
  }

  get size(): number {
    return this.items.length;
  }

  shift(): InboxItem | undefined {
    return this.items.shift();
  }

  settle(item: InboxItem, outcome: DecisionOutcome | DecisionRefusal): void {
    if (item.token !== undefined) this.outcomes.set(item.token, outcome);
  }

  isSettled(token: number): boolean {
    return this.outcomes.has(token);
  }

  take(token: number): DecisionOutcome | DecisionRefusal {
    const outcome = this.outcomes.get(token)!;
    this.outcomes.delete(token);
    return outcome;
  }
}
