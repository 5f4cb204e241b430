import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor, TimedEvent } from '@opentelemetry/sdk-trace-base';

const KEPT_EXCEPTION_ATTRIBUTES = ['exception.type', 'exception.escaped'];

/**
 * Hands spans on without the text of their errors. Temporal's interceptors put a failure's message
 * in the span status and its message and stack in an exception event; a phase failure quotes the
 * model's answer, and the collector is outside what SPECFORGE_ENCRYPTION_KEYS protects. The error's
 * type and the span's error status stay, which is what a trace is read for.
 */
export class ErrorTextFreeProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    this.next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    this.next.onEnd(withoutErrorText(span));
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}

export function withoutErrorText(span: ReadableSpan): ReadableSpan {
  const events = span.events.map(withoutExceptionText);
  // Everything else (spanContext(), attributes, times) is read through the original span.
  return Object.create(span, {
    status: { value: { code: span.status.code }, enumerable: true },
    events: { value: events, enumerable: true },
  }) as ReadableSpan;
}

function withoutExceptionText(event: TimedEvent): TimedEvent {
  if (event.name !== 'exception' || !event.attributes) return event;
  const attributes = Object.fromEntries(
    Object.entries(event.attributes).filter(([name]) => KEPT_EXCEPTION_ATTRIBUTES.includes(name)),
  );
  return { ...event, attributes };
}
