import type { Decision } from '../shared/decision';
import type { DecisionRefusal } from '../shared/decision-check';
import type { DecisionOutcome } from './messages';

export interface InboxItem {
  decision: Decision;
  /** Set for updates, whose caller waits for the outcome. */
  token?: number;
  /** An update answered when it was queued (a reopen sent with no gate open): its outcome goes nowhere. */
  answered?: boolean;
}

/** Decisions in arrival order, from signals and updates alike; updates wait for their outcome. */
export class DecisionInbox {
  private readonly items: InboxItem[] = [];
  private readonly outcomes = new Map<number, DecisionOutcome | DecisionRefusal>();
  private lastToken = 0;
  /** Set when the run ends or continues as new: every decision still waiting, and every later one, gets it. */
  private closedWith?: DecisionRefusal;

  get closed(): DecisionRefusal | undefined {
    return this.closedWith;
  }

  /** False when the inbox is closed: the caller records the decision as refused. */
  push(decision: Decision): boolean {
    if (this.closedWith) return false;
    this.items.push({ decision });
    return true;
  }

  /** An update whose sender was answered at once: it waits here like a signal, and is recorded as an update. */
  pushAnswered(decision: Decision): boolean {
    if (this.closedWith) return false;
    this.items.push({ decision, answered: true });
    return true;
  }

  pushAwaited(decision: Decision): number {
    this.lastToken += 1;
    const item = { decision, token: this.lastToken };
    if (this.closedWith) this.settle(item, this.closedWith);
    else this.items.push(item);
    return this.lastToken;
  }

  /**
   * Refuses every decision still waiting (updates get the refusal as their answer) and every one
   * that comes later; returns those refused now, for the run to record.
   */
  close(refusal: DecisionRefusal): InboxItem[] {
    this.closedWith = refusal;
    const waiting = this.items.splice(0);
    for (const item of waiting) this.settle(item, refusal);
    return waiting;
  }

  /** Refuses the waiting decisions `which` picks (updates get the refusal); returns them, for the run to record. */
  refuse(which: (decision: Decision) => boolean, refusal: DecisionRefusal): InboxItem[] {
    const refused = this.items.filter((item) => which(item.decision));
    this.items.splice(0, this.items.length, ...this.items.filter((item) => !refused.includes(item)));
    for (const item of refused) this.settle(item, refusal);
    return refused;
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
