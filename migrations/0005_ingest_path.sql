ALTER TABLE "mentions" DROP CONSTRAINT "mentions_business_id_businesses_id_fk";
--> statement-breakpoint
DROP INDEX "mentions_business_collected_idx";