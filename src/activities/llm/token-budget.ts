export interface TokenLimits {
  /** max_tokens of a phase's first request (SPECFORGE_ANSWER_TOKENS). */
  answerTokens: number;
  /** No request asks for more (SPECFORGE_MAX_TOKENS). */
  maxTokens: number;
  /** The server's context window (SPECFORGE_CONTEXT_TOKENS); unset: what the server reports, if it does. */
  contextTokens?: number;
}

/** A rough count for text not yet sent: about three characters a token, high rather than low. */
const CHARACTERS_PER_TOKEN = 3;

/**
 * How many tokens each request may ask for. A truncated answer is asked again with twice as many,
 * never past SPECFORGE_MAX_TOKENS nor past what the context window leaves after the prompt: a
 * slow local server only gets slower with a larger budget it cannot use.
 */
export class TokenBudget {
  private reported: Promise<number | undefined> | undefined;

  constructor(
    private readonly limits: TokenLimits,
    /** Reads the server's context size; called once, when a truncated answer first needs it. */
    private readonly readContextTokens: () => Promise<number | undefined>,
  ) {}

  first(promptCharacters: number): number {
    const room =
      this.limits.contextTokens === undefined
        ? Infinity
        : this.limits.contextTokens - Math.ceil(promptCharacters / CHARACTERS_PER_TOKEN);
    return Math.max(1, Math.min(this.limits.answerTokens, this.limits.maxTokens, room));
  }

  /** The budget after an answer cut off at `current` tokens, or undefined when no larger one may be asked. */
  async grow(current: number, promptTokens: number): Promise<number | undefined> {
    const context = await this.contextTokens();
    const room = context === undefined ? Infinity : context - promptTokens;
    const next = Math.min(current * 2, this.limits.maxTokens, room);
    return next > current ? next : undefined;
  }

  /** What bounded the budget, for the error a person reads. */
  async limitText(): Promise<string> {
    const context = await this.contextTokens();
    const contextText =
      context === undefined
        ? 'the server does not report its context size (SPECFORGE_CONTEXT_TOKENS)'
        : `the server's context is ${context} tokens (SPECFORGE_CONTEXT_TOKENS)`;
    return `SPECFORGE_MAX_TOKENS is ${this.limits.maxTokens}; ${contextText}`;
  }

  private contextTokens(): Promise<number | undefined> {
    if (this.limits.contextTokens !== undefined) return Promise.resolve(this.limits.contextTokens);
    this.reported ??= this.readContextTokens().catch(() => undefined);
    return this.reported;
  }
}
