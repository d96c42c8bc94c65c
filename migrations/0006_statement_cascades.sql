ALTER TABLE "analyses" DROP CONSTRAINT "analyses_mention_id_mentions_id_fk";
--> statement-breakpoint
ALTER TABLE "mentions" DROP CONSTRAINT "mentions_source_id_sources_id_fk";
--> statement-breakpoint
-- Cascades once per statement instead of a key check per inserted row (see schema/mentions.ts).
CREATE FUNCTION "mentions_delete_with_sources"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "mentions" m USING "gone_sources" g WHERE m."source_id" = g."id";
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "sources_delete_mentions" AFTER DELETE ON "sources"
  REFERENCING OLD TABLE AS "gone_sources" FOR EACH STATEMENT EXECUTE FUNCTION "mentions_delete_with_sources"();
--> statement-breakpoint
CREATE FUNCTION "analyses_delete_with_mentions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "analyses" a USING "gone_mentions" g WHERE a."mention_id" = g."id";
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "mentions_delete_analyses" AFTER DELETE ON "mentions"
  REFERENCING OLD TABLE AS "gone_mentions" FOR EACH STATEMENT EXECUTE FUNCTION "analyses_delete_with_mentions"();
--> statement-breakpoint
-- Rows a missing cascade could have left behind (none when 0005 ran on a consistent database).
DELETE FROM "analyses" a WHERE NOT EXISTS (SELECT 1 FROM "mentions" m WHERE m."id" = a."mention_id");
