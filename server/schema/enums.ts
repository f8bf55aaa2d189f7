import {
  ActorKind as ActorKindValues,
  MentionForm as MentionFormValues,
  Modality as ModalityValues,
  ParticipantRole as ParticipantRoleValues,
  QuoteKind as QuoteKindValues,
  SegmentKind as SegmentKindValues,
  TimeDirection as TimeDirectionValues,
  TimePrecision as TimePrecisionValues,
} from "../generated/prisma/enums.ts";
import { builder } from "./builder.ts";

type Described<T extends Record<string, string>> = { [K in keyof T]: { description: string } };

function describedEnum<T extends Record<string, string>>(
  name: string,
  description: string,
  prismaEnum: T,
  values: Described<T>,
) {
  // The Prisma enum is the source of the values; the map only adds their meaning.
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(Object.keys(prismaEnum).map((key) => [key, values[key as keyof T]])) as Record<
      keyof T & string,
      { description: string }
    >,
  });
}

export const ActorKind = describedEnum("ActorKind", "What sort of entity an actor is.", ActorKindValues, {
  PERSON: { description: "A named person." },
  COUNTRY: { description: "A state or its government (metonyms such as Kreml or Washington included)." },
  ORGANIZATION: { description: "An organisation, company, agency, party or news outlet." },
  PLACE: { description: "A city, region, port or other location that is not a country." },
  GROUP: { description: "A group of people that is not an organisation (e.g. protesters, separatists)." },
});

export const SegmentKind = describedEnum(
  "SegmentKind",
  "What a stretch of the article's text is.",
  SegmentKindValues,
  {
    TITLE: { description: "The headline." },
    BODY: { description: "The article proper." },
    BOILERPLATE: { description: "Page furniture: cookie banners, share prompts, sign-offs, credits." },
    COMMENT: { description: "A reader comment: not part of the article." },
  },
);

export const MentionForm = describedEnum("MentionForm", "How a mention names its actor.", MentionFormValues, {
  NAME: { description: 'By name: "Putin", "Moskau".' },
  NOMINAL: { description: 'By a description: "der russische Präsident".' },
  PRONOUN: { description: 'By a pronoun: "er", "she".' },
});

export const QuoteKind = describedEnum("QuoteKind", "How the words are reported.", QuoteKindValues, {
  DIRECT: { description: "A full quotation in quotation marks." },
  INDIRECT: { description: 'Reported speech without marks (dass-clause, Konjunktiv I, "laut X").' },
  PARTIAL: { description: "A quoted fragment inside the writer's own sentence." },
  MIXED: { description: "Reported speech that contains quoted fragments." },
});

export const ParticipantRole = describedEnum(
  "ParticipantRole",
  "The part an actor plays in an event.",
  ParticipantRoleValues,
  {
    AGENT: { description: "Who acts." },
    RECIPIENT: { description: "Who receives (goods, a visit, a statement)." },
    TARGET: { description: "Who is acted against." },
    PARTICIPANT: { description: "Takes part without a clearer role (e.g. both sides of a meeting)." },
  },
);

export const TimePrecision = describedEnum(
  "TimePrecision",
  "How precisely the text dates an event.",
  TimePrecisionValues,
  {
    DAY: { description: "A single day." },
    MONTH: { description: "A calendar month." },
    YEAR: { description: "A calendar year." },
    RANGE: { description: "From one day to another." },
    VAGUE: { description: 'No date, only a direction ("bald", "recently").' },
  },
);

export const TimeDirection = describedEnum(
  "TimeDirection",
  "Past or future, for vague times.",
  TimeDirectionValues,
  {
    PAST: { description: "Before publication." },
    FUTURE: { description: "After publication." },
  },
);

export const Modality = describedEnum(
  "Modality",
  "How the text presents an event. When several apply, the first of NEGATED, HYPOTHETICAL, ALLEGED, PLANNED, EXPECTED, REPORTED, ASSERTED wins.",
  ModalityValues,
  {
    ASSERTED: { description: "Stated as fact by the writer." },
    REPORTED: { description: 'Stated by a source ("laut X", Konjunktiv I).' },
    ALLEGED: { description: 'Claimed, not established ("sollen", "mutmaßlich").' },
    EXPECTED: { description: 'Expected to happen ("erwartet").' },
    PLANNED: { description: 'Announced or planned ("wird … reisen").' },
    HYPOTHETICAL: { description: 'Possible or supposed ("dürfte", "könnte").' },
    NEGATED: { description: "Said not to have happened." },
  },
);
