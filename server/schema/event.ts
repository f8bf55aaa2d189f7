import { prismaConnectionHelpers } from "@pothos/plugin-prisma";
import { GraphQLError } from "graphql";
import { cameoLabel } from "../cameo.ts";
import { prisma } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { Actor } from "./actor.ts";
import { Article } from "./article.ts";
import { builder } from "./builder.ts";
import { planBothNodePaths, SortDirection, spanFrom, TextSpan } from "./common.ts";
import { Modality, ParticipantRole, TimeDirection, TimePrecision } from "./enums.ts";
import { Quote } from "./quote.ts";

export const EventParticipant = builder.prismaObject("EventParticipant", {
  description: "An actor taking part in an event, and how.",
  fields: (t) => ({
    role: t.expose("role", {
      type: ParticipantRole,
      description: "Agent, recipient, target or participant.",
    }),
    actor: t.relation("actor", { description: "Who takes part." }),
    rule: t.exposeString("rule", {
      nullable: true,
      description: 'The named rule that gave the role ("first-actor", "target-preposition", …).',
    }),
  }),
});

type EventTimeShape = {
  start: Date | null;
  end: Date | null;
  precision: "DAY" | "MONTH" | "YEAR" | "RANGE" | "VAGUE";
  direction: "PAST" | "FUTURE" | null;
  span: { start: number; end: number; text: string };
};

const EventTime = builder.objectRef<EventTimeShape>("EventTime").implement({
  description: "When an event happened, as precisely as the text says.",
  fields: (t) => ({
    start: t.expose("start", {
      type: "Date",
      nullable: true,
      description: "First day (inclusive); null when undated.",
    }),
    end: t.expose("end", {
      type: "Date",
      nullable: true,
      description: "Last day (inclusive); null when undated.",
    }),
    precision: t.field({
      type: TimePrecision,
      description: "Day, month, year, range or vague.",
      resolve: (time) => time.precision,
    }),
    direction: t.field({
      type: TimeDirection,
      nullable: true,
      description: "For vague times: past or future.",
      resolve: (time) => time.direction,
    }),
    span: t.field({
      type: TextSpan,
      description: "The words the time was read from.",
      resolve: (time) => time.span,
    }),
  }),
});

export const Event = builder.prismaNode("Event", {
  id: { field: "id" },
  description: "Who did what to whom, when and where, as an article tells it.",
  fields: (t) => ({
    cameo: t.exposeString("cameo", { description: 'CAMEO code: the 2-digit root ("04") or deeper ("043").' }),
    cameoLabel: t.string({
      description: 'The CAMEO category in words ("Consult").',
      select: { cameo: true },
      resolve: (event) => cameoLabel(event.cameo),
    }),
    summary: t.exposeString("summary", { description: "One short sentence in the article's language." }),
    trigger: t.field({
      type: TextSpan,
      description: "The word(s) that express the event.",
      select: { triggerStart: true, triggerEnd: true, triggerText: true },
      resolve: (event) => ({ start: event.triggerStart, end: event.triggerEnd, text: event.triggerText }),
    }),
    evidence: t.field({
      type: TextSpan,
      description: "The sentence or clause the event was read from.",
      select: { evidenceStart: true, evidenceEnd: true, evidenceText: true },
      resolve: (event) => ({ start: event.evidenceStart, end: event.evidenceEnd, text: event.evidenceText }),
    }),
    participants: t.relation("participants", { description: "Who takes part, with their roles." }),
    place: t.relation("place", { nullable: true, description: "Where it happened (a place or country)." }),
    time: t.field({
      type: EventTime,
      nullable: true,
      description: "When it happened; null when the text does not say.",
      select: {
        timeStart: true,
        timeEnd: true,
        timePrecision: true,
        timeDirection: true,
        timeSpanStart: true,
        timeSpanEnd: true,
        timeSpanText: true,
      },
      resolve: (event) => {
        const span = spanFrom(event.timeSpanStart, event.timeSpanEnd, event.timeSpanText);
        if (!event.timePrecision || !span) return null;
        return {
          start: event.timeStart,
          end: event.timeEnd,
          precision: event.timePrecision,
          direction: event.timeDirection,
          span,
        };
      },
    }),
    modality: t.expose("modality", {
      type: Modality,
      description: "Asserted, reported, alleged, expected, planned, hypothetical or negated.",
    }),
    attributedTo: t.relation("attributedTo", {
      nullable: true,
      description: 'Who claims it ("laut Washington").',
    }),
    quotes: t.field({
      type: [Quote],
      description: "Quotes that speak about this event.",
      select: (_args, _ctx, nestedSelection) => ({ quotes: { select: { quote: nestedSelection() } } }),
      resolve: (event) => event.quotes.map((link) => link.quote),
    }),
    confidence: t.exposeFloat("confidence", { description: "0..1, calibrated." }),
    rule: t.exposeString("rule", {
      nullable: true,
      description:
        'The extractor\'s named rule that found and coded the event ("event-verb", "event-noun", …).',
    }),
    article: t.relation("article", { description: "The article that tells it." }),
  }),
});

const ParticipantFilter = builder.inputType("ParticipantFilter", {
  description: 'An actor taking part, optionally in a given role ("Russia as AGENT").',
  fields: (t) => ({
    actor: t.globalID({ for: Actor, required: true, description: "The actor." }),
    role: t.field({ type: ParticipantRole, description: "Only in this role." }),
  }),
});

const TimeRange = builder.inputType("TimeRange", {
  description: "Days from `from` to `to`, both inclusive; either may be left open.",
  fields: (t) => ({
    from: t.field({ type: "Date", description: "First day." }),
    to: t.field({ type: "Date", description: "Last day." }),
  }),
});

const EventFilter = builder.inputType("EventFilter", {
  description: "Narrows the list of events; all given conditions must hold.",
  fields: (t) => ({
    article: t.globalID({ for: Article, description: "Only events in this article." }),
    participant: t.field({ type: ParticipantFilter, description: "Only events with this participant." }),
    cameoRoot: t.string({ description: 'Only events under this CAMEO root, e.g. "04".' }),
    modality: t.field({ type: [Modality], description: "Only events with one of these modalities." }),
    time: t.field({ type: TimeRange, description: "Only dated events whose time overlaps this range." }),
    minConfidence: t.float({ description: "Only events at least this confident (0..1)." }),
  }),
});

const EventOrderField = builder.enumType("EventOrderField", {
  description: "What to sort events by.",
  values: {
    TIME: { description: "When they happened (undated last)." },
    CONFIDENCE: { description: "How sure the extractor is." },
  },
});

const EventOrder = builder.inputType("EventOrder", {
  description: "Sort order of events.",
  fields: (t) => ({
    field: t.field({ type: EventOrderField, required: true, description: "What to sort by." }),
    direction: t.field({ type: SortDirection, required: true, description: "Which way." }),
  }),
});

type EventFilterValue = typeof EventFilter.$inferInput;

function eventWhere(filter: EventFilterValue | null | undefined): Prisma.EventWhereInput {
  if (!filter) return {};
  if (filter.cameoRoot && !/^\d{2}$/.test(filter.cameoRoot)) {
    throw new GraphQLError("cameoRoot is two digits, 01 to 20.", { extensions: { code: "BAD_USER_INPUT" } });
  }
  const { from, to } = filter.time ?? {};
  return {
    ...(filter.article ? { articleId: filter.article.id } : {}),
    ...(filter.participant
      ? {
          participants: {
            some: {
              actorId: filter.participant.actor.id,
              ...(filter.participant.role ? { role: filter.participant.role } : {}),
            },
          },
        }
      : {}),
    ...(filter.cameoRoot ? { cameo: { startsWith: filter.cameoRoot } } : {}),
    ...(filter.modality?.length ? { modality: { in: filter.modality } } : {}),
    ...(from ? { timeEnd: { gte: from } } : {}),
    ...(to ? { timeStart: { lte: to } } : {}),
    ...(filter.minConfidence !== null && filter.minConfidence !== undefined
      ? { confidence: { gte: filter.minConfidence } }
      : {}),
  };
}

builder.queryFields((t) => ({
  events: t.prismaConnection({
    type: "Event",
    cursor: "id",
    description: "Events across all articles, earliest first unless ordered otherwise.",
    args: {
      filter: t.arg({ type: EventFilter, description: "Which events." }),
      orderBy: t.arg({ type: EventOrder, description: "Sort order (default: by time, earliest first)." }),
    },
    totalCount: (_parent, { filter }) => prisma.event.count({ where: eventWhere(filter) }),
    resolve: (query, _root, { filter, orderBy }) => {
      const direction = orderBy?.direction === "DESC" ? "desc" : "asc";
      return prisma.event.findMany({
        ...query,
        where: eventWhere(filter),
        orderBy:
          orderBy?.field === "CONFIDENCE"
            ? [{ confidence: direction }, { id: "asc" }]
            : [{ timeStart: { sort: direction, nulls: "last" } }, { evidenceStart: "asc" }, { id: "asc" }],
      });
    },
  }),
}));

builder.prismaObjectField("Quote", "events", (t) =>
  t.field({
    type: [Event],
    description: "Events this quote speaks about.",
    select: (_args, _ctx, nestedSelection) => ({ events: { select: { event: nestedSelection() } } }),
    resolve: (quote) => quote.events.map((link) => link.event),
  }),
);

// Actor → its events, through the participation rows (which carry the actor's role).
const earliestFirst: Prisma.EventParticipantOrderByWithRelationInput = {
  event: { timeStart: { sort: "asc", nulls: "last" } },
};
const actorEvents = prismaConnectionHelpers(builder, "EventParticipant", {
  cursor: "eventId_actorId_role",
  query: { orderBy: earliestFirst },
  select: (nodeSelection) => ({ role: true, event: nodeSelection({}) }),
  resolveNode: (participation) => participation.event,
});

builder.prismaObjectField("Actor", "events", (t) =>
  t.connection(
    {
      type: Event,
      description: "Events the actor takes part in, across articles, earliest first.",
      select: (args, ctx, nestedSelection) => ({
        _count: { select: { participations: true } },
        participations: actorEvents.getQuery(args, ctx, planBothNodePaths(nestedSelection, "Event")),
      }),
      resolve: (actor, args, ctx) => ({
        ...actorEvents.resolve(actor.participations, args, ctx),
        totalCount: actor._count.participations,
      }),
    },
    {
      description: "A page of an actor's events.",
      fields: (connection) => ({
        totalCount: connection.int({ description: "How many in all.", resolve: (page) => page.totalCount }),
      }),
    },
    {
      description: "An event and the actor's part in it.",
      fields: (edge) => ({
        role: edge.field({
          type: ParticipantRole,
          description: "The actor's role in this event.",
          resolve: (row) => row.role,
        }),
      }),
    },
  ),
);
