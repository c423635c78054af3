// newsgraph schema: constraints first (they also give the id lookups their indexes), then the
// full-text indexes over names and aliases, claims' statements and articles' titles and outlets, then range
// indexes for time filters.
// Applied by the seed loader before any data (`npm run seed` applies it to a database it seeded earlier too,
// so an index added here reaches it then); every statement is idempotent.

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT weapon_id IF NOT EXISTS FOR (n:Weapon) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;

// Names and every surface form ("Mr. Gladkov", "Zelenskyy") in one Lucene index.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases];
// What a claim says, so search finds it by a phrase of it ("cluster-armed missiles").
CREATE FULLTEXT INDEX claim_statements IF NOT EXISTS FOR (n:Claim) ON EACH [n.statement];
// An article by part of its title or its outlet's name (an Article's `outlet` is that name, as loaded).
CREATE FULLTEXT INDEX article_titles IF NOT EXISTS FOR (n:Article) ON EACH [n.title, n.outlet];

CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX event_date_from IF NOT EXISTS FOR (n:Event) ON (n.date_from);
CREATE INDEX event_date_to IF NOT EXISTS FOR (n:Event) ON (n.date_to);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published);
// Ingest asks "is this article in the graph already?" by these, one seek each (src/ingest/staging/graph.ts).
CREATE INDEX article_text_key IF NOT EXISTS FOR (n:Article) ON (n.text_key);
CREATE INDEX article_sha256 IF NOT EXISTS FOR (n:Article) ON (n.sha256);
CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url);
CREATE INDEX claim_status IF NOT EXISTS FOR (n:Claim) ON (n.status);

// The batched loader finds relationship ends by id among the nodes of the load in progress
// (src/dataset/batched.ts); the label holds no node once a load is complete.
CREATE INDEX newsgraph_loading_id IF NOT EXISTS FOR (n:NewsgraphLoading) ON (n.id);
