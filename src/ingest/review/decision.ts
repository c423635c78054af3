import { z } from 'zod';
import { SpanSchema, type ArticleMeta } from '../batch';
import { hasNameKey, NAME_NEEDS_LETTER_OR_DIGIT } from '../../shared/event-name';

/**
 * What a reviewer decides for one candidate: the shapes an accept writes into the graph, in the
 * seed data's terms. The server proposes one per candidate (review/proposals.ts); the reviewer may
 * edit any field before accepting. A reference to an entity is a graph id (`vyacheslav-gladkov`)
 * or `cand:<id>` for a candidate of the same batch, resolved to the graph id its accept gave it.
 */

export const RefSchema = z.string().min(1).max(200);
export const CAND = 'cand:';
export const candRef = (id: string) => `${CAND}${id}`;

const slugLike = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase kebab-case slug');
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const text = (min: number, what: string) => z.string().trim().min(min, `${what} is too short`).max(2000);
const scalar = z.union([z.string().max(500), z.number(), z.boolean()]);

export const ENTITY_LABELS = ['Person', 'Organization', 'Place', 'Weapon'] as const;

export const EntityDecisionSchema = z.discriminatedUnion('action', [
  z.strictObject({
    /** The candidate is this graph entity (merge into it): a mention is recorded, new spellings become aliases. */
    action: z.literal('link'),
    entityId: slugLike,
  }),
  z.strictObject({
    /**
     * The article's outlet (a byline or credit line names it): the organization its PUBLISHED_BY
     * goes to, the one the article's first accept found or created. Never a second node for it.
     */
    action: z.literal('outlet'),
  }),
  z.strictObject({
    /** A new entity. */
    action: z.literal('create'),
    label: z.enum(ENTITY_LABELS),
    name: text(1, 'name'),
    aliases: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    description: text(10, 'description'),
    /** Optional seed fields: a person's role, an organization's or place's kind, a country id. */
    role: z.string().max(300).optional(),
    kind: z.string().max(100).optional(),
    country: slugLike.optional(),
  }),
]);
export type EntityDecision = z.infer<typeof EntityDecisionSchema>;

export const RelationshipDecisionSchema = z.strictObject({
  type: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE_CASE'),
  from: RefSchema,
  to: RefSchema,
  /** The evidence: a span of the article (its text is the quote, ≤ 30 words). */
  quoteSpan: SpanSchema,
  properties: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), scalar).default({}),
});
export type RelationshipDecision = z.infer<typeof RelationshipDecisionSchema>;

export const CLAIM_STATUSES = ['contested', 'unanswered', 'acknowledged', 'uncontested'] as const;

/**
 * An event the claim is about that neither the batch nor the graph has, named in the claim's edit
 * form. Saving the edit adds it to the batch as an event candidate (./new-event.ts) and puts its
 * `cand:` reference in `about`: a stored or accepted decision never carries it.
 */
export const NewEventSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'give the new event a name')
    .min(3, "the new event's name is too short (at least 3 characters)")
    .max(200)
    .refine(hasNameKey, NAME_NEEDS_LETTER_OR_DIGIT),
  /** An events.yaml kind: strike, attack, meeting… */
  kind: z.string().trim().min(1, 'say what kind of event it is (strike, meeting…)').max(100),
});
export type NewEvent = z.infer<typeof NewEventSchema>;

export const ClaimDecisionSchema = z
  .strictObject({
    claimant: RefSchema,
    /** Who relayed it ("…, according to TASS"). */
    via: RefSchema.optional(),
    /** Events the claim is about (at least one, as in the seed data; `newEvent` counts as one). */
    about: z.array(RefSchema),
    newEvent: NewEventSchema.optional(),
    statement: text(10, 'statement'),
    stance: z.string().trim().min(1).max(200),
    status: z.enum(CLAIM_STATUSES),
    /** When the claim was made: a day, or a range when only that is known ("last week"), as for events. */
    date: isoDay.optional(),
    date_from: isoDay.optional(),
    date_to: isoDay.optional(),
    date_basis: z.string().max(500).optional(),
    quoteSpan: SpanSchema,
  })
  .refine((d) => d.about.length > 0 || d.newEvent, {
    path: ['about'],
    message: 'a claim must be about at least one event',
  });
export type ClaimDecision = z.infer<typeof ClaimDecisionSchema>;

export const EventDecisionSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('link'),
    entityId: slugLike,
    place: RefSchema.optional(),
    weapons: z.array(RefSchema).default([]),
    quoteSpan: SpanSchema,
  }),
  z.strictObject({
    action: z.literal('create'),
    name: text(3, 'name'),
    kind: z.string().trim().min(1).max(100),
    description: text(10, 'description'),
    date: isoDay.optional(),
    date_from: isoDay.optional(),
    date_to: isoDay.optional(),
    date_basis: z.string().max(500).optional(),
    place: RefSchema.optional(),
    weapons: z.array(RefSchema).default([]),
    quoteSpan: SpanSchema,
  }),
]);
export type EventDecision = z.infer<typeof EventDecisionSchema>;

/** A date candidate is confirmed (it feeds events and claims); nothing of its own is written. */
export const DateDecisionSchema = z.strictObject({});

/** Any decision; which one applies follows from the candidate's kind. */
export const DecisionSchema = z.union([
  EntityDecisionSchema,
  RelationshipDecisionSchema,
  ClaimDecisionSchema,
  EventDecisionSchema,
  DateDecisionSchema,
]);
export type Decision = EntityDecision | RelationshipDecision | ClaimDecision | EventDecision | Record<string, never>;

/** The schema a decision for a candidate of this kind must satisfy. */
export function decisionSchemaFor(kind: string): z.ZodType {
  switch (kind) {
    case 'entity':
    case 'link':
      return EntityDecisionSchema;
    case 'relationship':
      return RelationshipDecisionSchema;
    case 'claim':
      return ClaimDecisionSchema;
    case 'event':
      return EventDecisionSchema;
    default:
      return DateDecisionSchema;
  }
}

/** A decision checked against its candidate's kind, or its first problem as "path: what is wrong". */
export function checkDecision(kind: string, decision: unknown): { decision: Decision } | { problem: string } {
  const r = decisionSchemaFor(kind).safeParse(decision);
  if (r.success) return { decision: r.data as Decision };
  const i = r.error.issues[0]!;
  const missing = i.code === 'invalid_type' && /received undefined/.test(i.message);
  const what =
    i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}` : missing ? 'is required' : i.message;
  return { problem: `${i.path.join('.') || 'decision'}: ${what}` };
}

/** Article metadata a reviewer gives when the input did not carry it. */
export const ArticleEditSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(500).optional(),
    outlet: z.string().trim().min(1).max(200).optional(),
    /**
     * True: the text names no outlet (the article is published by a placeholder organization, counted
     * among `unnamed_outlets`); false takes that back. An outlet given replaces it.
     */
    outletUnknown: z.boolean().optional(),
    byline: z.string().trim().max(500).optional(),
    published: isoDay.optional(),
    url: z.string().trim().url().max(2000).optional().or(z.literal('')),
  })
  .refine((e) => !(e.outletUnknown && e.outlet), {
    path: ['outletUnknown'],
    message: 'cannot be true with an outlet given: give one or the other',
  });
export type ArticleEdit = z.infer<typeof ArticleEditSchema>;

/** The article details after `edit`: what it gives replaces, "outlet unknown" and an outlet exclude each other (the later stands). */
export function editedArticle(before: ArticleMeta, edit: ArticleEdit): ArticleMeta {
  const { outletUnknown, ...fields } = edit;
  const after: ArticleMeta = {
    ...before,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== '')),
  };
  if (outletUnknown) {
    delete after.outlet;
    after.outletUnknown = true;
  } else if (outletUnknown === false || fields.outlet) delete after.outletUnknown;
  return after;
}
