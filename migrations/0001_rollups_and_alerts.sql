CREATE TABLE "alert_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_id" uuid NOT NULL,
	"type" text NOT NULL,
	"params" jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"webhook_url" text,
	"webhook_secret" text,
	"last_fired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"dedupe_key" text NOT NULL,
	"type" text NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL,
	"summary" text NOT NULL,
	"explanation" jsonb NOT NULL,
	"delivery_status" text DEFAULT 'none' NOT NULL,
	"delivery_attempts" integer DEFAULT 0 NOT NULL,
	"delivered_at" timestamp with time zone,
	"last_delivery_error" text
);
--> statement-breakpoint
CREATE TABLE "rollups_daily" (
	"business_id" uuid NOT NULL,
	"dim_kind" text NOT NULL,
	"dim_value" text NOT NULL,
	"day" date NOT NULL,
	"source_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"count" integer NOT NULL,
	"sentiment_sum" double precision NOT NULL,
	"positive" integer NOT NULL,
	"neutral" integer NOT NULL,
	"negative" integer NOT NULL,
	"rating_count" integer NOT NULL,
	"rating_sum" double precision NOT NULL,
	"promoters" integer NOT NULL,
	"passives" integer NOT NULL,
	"detractors" integer NOT NULL,
	"e_joy_n" integer DEFAULT 0 NOT NULL,
	"e_joy_sum" double precision DEFAULT 0 NOT NULL,
	"e_trust_n" integer DEFAULT 0 NOT NULL,
	"e_trust_sum" double precision DEFAULT 0 NOT NULL,
	"e_surprise_n" integer DEFAULT 0 NOT NULL,
	"e_surprise_sum" double precision DEFAULT 0 NOT NULL,
	"e_anticipation_n" integer DEFAULT 0 NOT NULL,
	"e_anticipation_sum" double precision DEFAULT 0 NOT NULL,
	"e_anger_n" integer DEFAULT 0 NOT NULL,
	"e_anger_sum" double precision DEFAULT 0 NOT NULL,
	"e_fear_n" integer DEFAULT 0 NOT NULL,
	"e_fear_sum" double precision DEFAULT 0 NOT NULL,
	"e_sadness_n" integer DEFAULT 0 NOT NULL,
	"e_sadness_sum" double precision DEFAULT 0 NOT NULL,
	"e_disgust_n" integer DEFAULT 0 NOT NULL,
	"e_disgust_sum" double precision DEFAULT 0 NOT NULL,
	"e_disappointment_n" integer DEFAULT 0 NOT NULL,
	"e_disappointment_sum" double precision DEFAULT 0 NOT NULL,
	"e_frustration_n" integer DEFAULT 0 NOT NULL,
	"e_frustration_sum" double precision DEFAULT 0 NOT NULL,
	"e_gratitude_n" integer DEFAULT 0 NOT NULL,
	"e_gratitude_sum" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "rollups_daily_business_id_dim_kind_dim_value_day_source_id_lang_pk" PRIMARY KEY("business_id","dim_kind","dim_value","day","source_id","lang")
);
--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_rule_id_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alert_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollups_daily" ADD CONSTRAINT "rollups_daily_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollups_daily" ADD CONSTRAINT "rollups_daily_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_rules_business_idx" ON "alert_rules" USING btree ("business_id");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_dedupe_uq" ON "alerts" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "alerts_business_idx" ON "alerts" USING btree ("business_id","fired_at");