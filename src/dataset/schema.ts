import { z } from 'zod';

/** Shapes of the records in seed/data/*.yaml (see seed/README.md). */

export const MAX_QUOTE_WORDS = 30;

const slug = z
  .string({ message: 'must be a string id' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase kebab-case slug (a-z, 0-9, -)');

/** A real calendar date: YAML may hand us a string or (unquoted) a Date. */
export const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
    .string({ message: 'must be a date YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, 'is not a real calendar date'),
);

/** Extra fields are stored as properties, so they must be Neo4j-storable values. */
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const storable = z.union([scalar, z.array(z.string()), z.array(z.number()), z.array(z.boolean())], {
  message: 'must be a string, number, boolean or a list of one of those (Neo4j property values)',
});

export const EvidenceSchema = z.strictObject({
  article: slug,
  quote: z
    .string({ message: 'quote is required' })
    .min(1, 'quote must not be empty')
    .refine((q) => q.trim().split(/\s+/).length <= MAX_QUOTE_WORDS, `quote is longer than ${MAX_QUOTE_WORDS} words`),
  start: z.number({ message: 'start offset is required' }).int().nonnegative(),
  end: z.number({ message: 'end offset is required' }).int().positive(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/**
 * One value of an entity property and the article that gave it (per-value provenance, for values a
 * later article supplied or revised; see seed/README.md and reported.ts). Dates as YYYY-MM-DD.
 */
export const ReportedValueSchema = z.strictObject({
  property: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a property name (snake_case)'),
  value: z.preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
    scalar,
  ),
  evidence: EvidenceSchema,
});
export type ReportedValue = z.infer<typeof ReportedValueSchema>;

const entityBase = {
  id: slug,
  name: z.string({ message: 'name is required' }).min(1, 'name must not be empty'),
  aliases: z.array(z.string().min(1, 'an alias must not be empty')).default([]),
  description: z.string({ message: 'description is required' }).min(10, 'description is too short'),
  reported: z.array(ReportedValueSchema).optional(),
};

/**
 * The fields every entity has that are ours, not an article's: how the record is named and
 * described (the key and the per-value source list aside). Every other entity property (a kind,
 * dates, casualty figures, a role, a country…) is a fact the articles report, so an edit of it
 * needs a source (src/server/resources/node-edit/).
 */
export const DESCRIPTIVE_KEYS: readonly string[] = Object.keys(entityBase).filter(
  (k) => k !== 'id' && k !== 'reported',
);

export const PersonSchema = z.looseObject({ ...entityBase, role: z.string().optional() }).catchall(storable);
export const OrganizationSchema = z.looseObject({ ...entityBase, kind: z.string().optional() }).catchall(storable);
export const WeaponSchema = z.looseObject({ ...entityBase, kind: z.string().optional() }).catchall(storable);

export const PlaceSchema = z
  .looseObject({
    ...entityBase,
    kind: z.string({ message: 'kind is required (city, region, country, street…)' }),
    location: z
      .strictObject({
        lat: z.number().min(-90, 'lat must be within ±90').max(90, 'lat must be within ±90'),
        lon: z.number().min(-180, 'lon must be within ±180').max(180, 'lon must be within ±180'),
      })
      .nullable()
      .optional(),
    location_source: z.string().optional(),
  })
  .catchall(storable)
  .refine((p) => !p.location || !!p.location_source, {
    message: 'location needs a location_source',
    path: ['location_source'],
  });

export const EventSchema = z
  .looseObject({
    ...entityBase,
    kind: z.string({ message: 'kind is required' }),
    date: isoDate.optional(),
    date_from: isoDate.optional(),
    date_to: isoDate.optional(),
    date_basis: z.string().optional(),
    killed: z.number().int().nonnegative().optional(),
    injured: z.number().int().nonnegative().optional(),
    casualties_reported_by: slug.optional(),
  })
  .catchall(storable)
  .refine((e) => !e.date || (!e.date_from && !e.date_to), {
    message: 'give either date or date_from/date_to, not both',
    path: ['date'],
  })
  .refine((e) => !(e.date || e.date_from || e.date_to) || !!e.date_basis, {
    message: 'a dated event needs date_basis',
    path: ['date_basis'],
  })
  .refine((e) => !e.date_from || !e.date_to || e.date_from <= e.date_to, {
    message: 'date_from is after date_to',
    path: ['date_to'],
  });

export const ArticleSchema = z
  .looseObject({
    id: slug,
    file: z.string().regex(/^[\w.-]+\.txt$/, 'must be a .txt file name'),
    title: z.string().min(1, 'title is required'),
    outlet: slug,
    outlet_inferred: z.boolean(),
    authors: z.array(slug).default([]),
    published: isoDate,
    published_basis: z.string({ message: 'published_basis is required' }).min(5),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a 64-digit hex sha256'),
    /** The text's identity key (text-key.ts): how ingest knows the article when it is pasted again. */
    text_key: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be a 64-digit hex sha256')
      .optional(),
    length: z.number().int().positive(),
  })
  .catchall(storable);

export const ClaimSchema = z
  .strictObject({
    id: slug,
    claimant: slug,
    about: z.array(slug).min(1, 'a claim must be about at least one event'),
    statement: z.string().min(10, 'statement is too short'),
    stance: z.string().min(1),
    status: z.enum(['contested', 'unanswered', 'acknowledged', 'uncontested'], {
      message: 'status must be contested, unanswered, acknowledged or uncontested',
    }),
    date: isoDate.optional(),
    date_basis: z.string().optional(),
    contradicts: z.array(slug).default([]),
    evidence: EvidenceSchema,
  })
  .catchall(storable);

const relType = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE_CASE');

export const RelationshipSchema = z.strictObject({
  type: relType,
  from: slug,
  to: slug,
  properties: z.record(z.string(), storable).default({}),
  evidence: z
    .array(EvidenceSchema, { message: 'evidence is required (a list of quotes)' })
    .min(1, 'every relationship needs at least one evidence quote'),
});

export const MentionSchema = z.strictObject({
  article: slug,
  entity: slug,
  count: z.number().int().positive(),
  first_offset: z.number().int().nonnegative(),
  quote: z.string().min(1),
});

const LABELS = ['Person', 'Organization', 'Place', 'Event', 'Weapon', 'Article'] as const;
export const VocabularySchema = z.strictObject({
  type: relType,
  from: z.array(z.enum(LABELS)).min(1),
  to: z.array(z.enum(LABELS)).min(1),
  meaning: z.string().min(3),
});

export type Person = z.infer<typeof PersonSchema>;
export type Place = z.infer<typeof PlaceSchema>;
export type EventRecord = z.infer<typeof EventSchema>;
export type Article = z.infer<typeof ArticleSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type Relationship = z.infer<typeof RelationshipSchema>;
export type Mention = z.infer<typeof MentionSchema>;
export type VocabularyEntry = z.infer<typeof VocabularySchema>;

/** Entity files and the labels their records get (each also :Entity). */
export const ENTITY_FILES = {
  'people.yaml': { label: 'Person', schema: PersonSchema },
  'organizations.yaml': { label: 'Organization', schema: OrganizationSchema },
  'places.yaml': { label: 'Place', schema: PlaceSchema },
  'events.yaml': { label: 'Event', schema: EventSchema },
  'weapons.yaml': { label: 'Weapon', schema: WeaponSchema },
} as const;
export type EntityLabel = (typeof ENTITY_FILES)[keyof typeof ENTITY_FILES]['label'];
