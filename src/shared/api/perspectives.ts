import { z } from 'zod';
import { ICON_NAMES, type IconName } from './icons';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';
import { TokenNameSchema } from './common';

/**
 * A perspective (Bloom's word; Neo4j Browser's GraSS is the same idea for style) says how one
 * database is shown: per label its caption, colour, icon and size rule; per relationship type its
 * caption and colour; what search covers; which views are on. The news perspective is a file in
 * the repository (perspectives/news.json); for any other database one is derived from its schema
 * on first connect and kept in the app's own store, never in the user's graph.
 */

export const IconNameSchema = z.enum(ICON_NAMES);
export type { IconName };
export { ICON_NAMES };

const HexColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #3d7be0');
export const ThemeColorSchema = z.object({ light: HexColorSchema, dark: HexColorSchema }).strict();
export type ThemeColor = z.infer<typeof ThemeColorSchema>;

/**
 * A caption: a property name, several as fallbacks (`name|title|id`: the first that is set), or a
 * template with `{property}` placeholders (`{name} ({born})`). `type` on relationships is the type.
 */
const CaptionSchema = z.string().trim().min(1).max(200);

export const SizeRuleSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('degree') }).strict(),
  z.object({ by: z.literal('fixed'), size: z.number().min(2).max(40) }).strict(),
  z
    .object({
      by: z.literal('property'),
      property: z.string().min(1).max(256),
      min: z.number().min(2).max(40).default(4),
      max: z.number().min(2).max(60).default(26),
    })
    .strict(),
]);
export type SizeRule = z.infer<typeof SizeRuleSchema>;

export const LabelStyleSchema = z
  .object({
    label: TokenNameSchema,
    /** What the legend and the search filters call the label ("People" for Person). */
    display: z.string().trim().min(1).max(80),
    caption: CaptionSchema,
    color: ThemeColorSchema,
    icon: IconNameSchema.default('dot'),
    size: SizeRuleSchema.default({ by: 'degree' }),
    /** False for an umbrella label every node carries (the news graph's :Entity): never listed, never colours. */
    legend: z.boolean().default(true),
    /** Offered as a search filter (false where the search index does not cover the label). */
    searchFilter: z.boolean().default(true),
  })
  .strict();
export type LabelStyle = z.infer<typeof LabelStyleSchema>;

export const RelationshipStyleSchema = z
  .object({
    type: TokenNameSchema,
    /**
     * `type`, a property (`roles`), fallbacks (`roles|type`) or a template (`{rating}/100`); empty:
     * nothing written on the edge (its type still shows on hover and in the detail).
     */
    caption: z.string().trim().max(200).default('type'),
    color: ThemeColorSchema.optional(),
    /** Line width (sigma size units). */
    width: z.number().min(0.2).max(8).optional(),
    /** Layout attraction (ForceAtlas2 edge weight). */
    weight: z.number().min(0).max(5).optional(),
  })
  .strict();
export type RelationshipStyle = z.infer<typeof RelationshipStyleSchema>;

/** A group of relationship types sharing a colour (the legend's "relationship colours"). */
export const RelationshipFamilySchema = z
  .object({
    name: z.string().min(1).max(80),
    color: ThemeColorSchema,
    types: z.array(TokenNameSchema).max(500),
    width: z.number().min(0.2).max(8).optional(),
    weight: z.number().min(0).max(5).optional(),
  })
  .strict();
export type RelationshipFamily = z.infer<typeof RelationshipFamilySchema>;

export const DatePropertySchema = z
  .object({
    label: TokenNameSchema,
    property: z.string().min(1).max(256),
    /** `year`: an integer year (1999); `date`: a Neo4j date/datetime or an ISO string. */
    kind: z.enum(['date', 'year']).default('date'),
  })
  .strict();
export type DateProperty = z.infer<typeof DatePropertySchema>;

export const ViewsSchema = z
  .object({
    timeline: z
      .object({
        on: z.boolean(),
        /**
         * `news`: events by `date`/`date_from`/`date_to` and articles by `published`, with "as
         * reported by"; `dates`: every node with one of `dates` at its date.
         */
        mode: z.enum(['news', 'dates']).default('dates'),
        dates: z.array(DatePropertySchema).max(50).default([]),
      })
      .strict(),
    map: z
      .object({
        on: z.boolean(),
        /** Point properties (WGS-84); any point-valued property also counts. */
        points: z.array(z.string().min(1).max(256)).max(20).default([]),
        latLon: z
          .array(z.object({ lat: z.string().min(1), lon: z.string().min(1) }).strict())
          .max(10)
          .default([]),
      })
      .strict(),
    /** The contested-claims board (needs the claim model: :Claim with MADE/ABOUT, see api/claims.ts). */
    claims: z.boolean(),
    /** Edge width by supporting articles and "hide single-source facts" (needs evidence lists). */
    corroboration: z.boolean(),
  })
  .strict();
export type Views = z.infer<typeof ViewsSchema>;

export const PerspectiveSchema = z
  .object({
    format: z.literal('newsgraph-perspective'),
    version: z.literal(1),
    name: z.string().trim().min(1).max(200),
    /** File perspectives: used for a database holding all of these labels. */
    applies: z
      .object({ labels: z.array(TokenNameSchema).min(1) })
      .strict()
      .optional(),
    /** In priority order: a node is coloured and captioned by the first of its labels listed here. */
    labels: z.array(LabelStyleSchema).max(2_000),
    relationships: z.array(RelationshipStyleSchema).max(2_000).default([]),
    families: z.array(RelationshipFamilySchema).max(50).default([]),
    /** Colour of relationship types no entry and no family names. */
    otherRelationships: z.object({ color: ThemeColorSchema }).strict(),
    search: z
      .object({
        /** Node properties search reads (strings, lists of strings, numbers). */
        properties: z.array(z.string().min(1).max(256)).min(1).max(50),
        /** Full-text indexes to use when they are online, best first. */
        indexes: z.array(z.string().min(1).max(256)).max(10).default([]),
        placeholder: z.string().max(120).default('Search…'),
      })
      .strict(),
    views: ViewsSchema,
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.labels.forEach((l, i) => {
      if (seen.has(l.label)) ctx.addIssue({ code: 'custom', path: ['labels', i, 'label'], message: 'listed twice' });
      seen.add(l.label);
    });
    const types = new Set<string>();
    p.relationships.forEach((r, i) => {
      if (types.has(r.type))
        ctx.addIssue({ code: 'custom', path: ['relationships', i, 'type'], message: 'listed twice' });
      types.add(r.type);
    });
  });
export type Perspective = z.infer<typeof PerspectiveSchema>;
export type PerspectiveInput = z.input<typeof PerspectiveSchema>;

export const PerspectiveOriginSchema = z.enum(['file', 'derived', 'saved']);

export const PerspectiveResponseSchema = z.object({
  perspective: PerspectiveSchema,
  origin: PerspectiveOriginSchema.describe(
    'file: a perspective of the repository (perspectives/*.json); derived: from the schema on first connect; saved: edited or imported by a user',
  ),
  /** Which file, for file perspectives (and the file a saved one started from). */
  file: z.string().nullable(),
  /** The database this perspective belongs to (URI and database name). */
  database: z.string(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** Labels of the database that the perspective does not list (styled by derivation until saved). */
  unlisted: z.array(z.string()),
  claimsUnavailable: z
    .string()
    .nullable()
    .describe("why the claims board cannot be switched on for this database (null: it has newsgraph's claim model)"),
});
export type PerspectiveResponse = z.infer<typeof PerspectiveResponseSchema>;

/** The shareable file: the perspective and the saved queries that belong to it (`.cypher` texts). */
export const PerspectiveFileSchema = z
  .object({
    perspective: PerspectiveSchema,
    queries: z
      .array(z.object({ name: z.string().min(1).max(80), text: z.string().min(1).max(100_000) }).strict())
      .max(200)
      .default([]),
  })
  .strict();
export type PerspectiveFile = z.infer<typeof PerspectiveFileSchema>;

export const SavePerspectiveBodySchema = z
  .object({
    perspective: PerspectiveSchema,
    /** Imported saved queries (replace those of the same name). */
    queries: PerspectiveFileSchema.shape.queries.optional(),
  })
  .strict();
export type SavePerspectiveBody = z.input<typeof SavePerspectiveBodySchema>;

export const perspectiveContract = {
  ...ROUTES.perspective,
  summary: "The connected database's perspective: captions, colours, icons, sizes, search and views.",
  description:
    'The news perspective for the seeded graph; for another database the one derived from its schema on first ' +
    "connect (or as a user saved it). Kept in the app's own store, never in the database.",
  tag: 'perspectives',
  response: PerspectiveResponseSchema,
  errors: [503],
} as const satisfies EndpointContract;

export const savePerspectiveContract = {
  ...ROUTES.savePerspective,
  summary: "Replaces the connected database's perspective (style edits, an imported file); audited.",
  tag: 'perspectives',
  body: SavePerspectiveBodySchema,
  response: PerspectiveResponseSchema,
  description: "views.claims is refused (400) when the database lacks newsgraph's claim model (see claimsUnavailable).",
  errors: [400, 403, 413, 503],
} as const satisfies EndpointContract;

export const resetPerspectiveContract = {
  ...ROUTES.resetPerspective,
  summary: 'Forgets the saved perspective of the connected database: back to the file or a fresh derivation; audited.',
  tag: 'perspectives',
  response: PerspectiveResponseSchema,
  errors: [403, 503],
} as const satisfies EndpointContract;

export const exportPerspectiveContract = {
  ...ROUTES.exportPerspective,
  summary: 'The perspective with its saved queries, as a file to share (import it with PUT /api/perspective).',
  tag: 'perspectives',
  response: PerspectiveFileSchema,
  errors: [503],
} as const satisfies EndpointContract;
