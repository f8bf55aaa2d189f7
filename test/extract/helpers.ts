import { expect } from "vitest";
import type { AnnotationDocument } from "../../server/extract/types.ts";

/** Every span in the document points at exactly its text, and segments tile the input. */
export function expectValidDocument(text: string, doc: AnnotationDocument): void {
  const spans: { start: number; end: number; text: string }[] = [];
  for (const actor of doc.actors) spans.push(...actor.mentions);
  for (const quote of doc.quotes) {
    spans.push({ start: quote.start, end: quote.end, text: quote.text });
    if (quote.speakerMention) spans.push(quote.speakerMention);
    if (quote.cue) spans.push(quote.cue);
    for (const part of quote.parts ?? []) spans.push(part);
  }
  for (const event of doc.events) {
    spans.push(event.trigger, event.evidence);
    if (event.time) spans.push(event.time.span);
  }
  for (const span of spans) {
    expect(span.start).toBeLessThanOrEqual(span.end);
    expect(text.slice(span.start, span.end)).toBe(span.text);
  }
  let cursor = 0;
  for (const segment of doc.segments) {
    expect(segment.start).toBe(cursor);
    expect(segment.end).toBeGreaterThan(segment.start);
    cursor = segment.end;
  }
  expect(cursor).toBe(text.length);
  const ids = new Set(doc.actors.map((actor) => actor.id));
  doc.actors.forEach((actor, index) => {
    expect(actor.id).toBe(`a${index + 1}`);
  });
  doc.quotes.forEach((quote, index) => {
    expect(quote.id).toBe(`q${index + 1}`);
    if (quote.speaker) expect(ids.has(quote.speaker)).toBe(true);
  });
  doc.events.forEach((event, index) => {
    expect(event.id).toBe(`e${index + 1}`);
    for (const participant of event.participants) expect(ids.has(participant.actor)).toBe(true);
  });
}

export function actorNamed(doc: AnnotationDocument, name: string) {
  return doc.actors.find((actor) => actor.name === name || actor.aliases.includes(name));
}
