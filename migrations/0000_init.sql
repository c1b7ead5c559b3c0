CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`app_id` text NOT NULL,
	`original_id` text DEFAULT '' NOT NULL,
	`message_mode` text DEFAULT 'safe' NOT NULL,
	`time_zone` text DEFAULT 'Asia/Shanghai' NOT NULL,
	`is_sandbox` integer DEFAULT false NOT NULL,
	`app_secret_enc` text,
	`token_enc` text,
	`encoding_aes_key_enc` text,
	`previous_encoding_aes_key_enc` text,
	`scene_seq` integer DEFAULT 0 NOT NULL,
	`scan_retention_days` integer DEFAULT 0 NOT NULL,
	`last_check_at` integer,
	`last_check_ok` integer,
	`last_check_message` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_app_id_uq` ON `accounts` (`app_id`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`scope` text DEFAULT 'write' NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`expires_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_uq` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `artifacts` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text,
	`job_id` text,
	`kind` text NOT NULL,
	`r2_key` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `artifacts_expiry_idx` ON `artifacts` (`deleted_at`,`expires_at`);--> statement-breakpoint
CREATE INDEX `artifacts_job_idx` ON `artifacts` (`job_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text,
	`account_id` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`request_id` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_created_idx` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_account_idx` ON `audit_log` (`account_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `contact_events` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text NOT NULL,
	`kind` text NOT NULL,
	`details` text DEFAULT '{}' NOT NULL,
	`actor_user_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contact_events_contact_idx` ON `contact_events` (`contact_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`mobile` text,
	`email` text,
	`fields` text DEFAULT '{}' NOT NULL,
	`source_qrcode_id` text,
	`erased_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_mobile_uq` ON `contacts` (`mobile`);--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_email_uq` ON `contacts` (`email`);--> statement-breakpoint
CREATE INDEX `contacts_name_idx` ON `contacts` (`name`);--> statement-breakpoint
CREATE TABLE `dead_letters` (
	`id` text PRIMARY KEY NOT NULL,
	`queue` text NOT NULL,
	`body` text NOT NULL,
	`type` text DEFAULT 'unknown' NOT NULL,
	`account_id` text,
	`job_id` text,
	`summary` text DEFAULT '' NOT NULL,
	`last_error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	`retried_at` integer,
	`discarded_at` integer
);
--> statement-breakpoint
CREATE INDEX `dead_letters_status_idx` ON `dead_letters` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `dead_letters_account_idx` ON `dead_letters` (`account_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `fan_tag_failures` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`fan_id` text NOT NULL,
	`qrcode_id` text,
	`wechat_tag_id` integer NOT NULL,
	`errcode` integer,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `fan_tag_failures_code_idx` ON `fan_tag_failures` (`qrcode_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `fan_tag_failures_account_idx` ON `fan_tag_failures` (`account_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `fan_tags` (
	`account_id` text NOT NULL,
	`wechat_tag_id` integer NOT NULL,
	`name` text NOT NULL,
	`fan_count` integer DEFAULT 0 NOT NULL,
	`synced_at` integer NOT NULL,
	PRIMARY KEY(`account_id`, `wechat_tag_id`)
);
--> statement-breakpoint
CREATE TABLE `fans` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`openid` text NOT NULL,
	`unionid` text,
	`following` integer DEFAULT false NOT NULL,
	`first_followed_at` integer,
	`last_followed_at` integer,
	`last_unfollowed_at` integer,
	`follow_count` integer DEFAULT 0 NOT NULL,
	`unfollow_count` integer DEFAULT 0 NOT NULL,
	`source_qrcode_id` text,
	`remark` text DEFAULT '' NOT NULL,
	`contact_id` text,
	`wechat_tag_ids` text DEFAULT '[]' NOT NULL,
	`erased_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fans_account_openid_uq` ON `fans` (`account_id`,`openid`);--> statement-breakpoint
CREATE INDEX `fans_contact_idx` ON `fans` (`contact_id`);--> statement-breakpoint
CREATE INDEX `fans_source_idx` ON `fans` (`source_qrcode_id`);--> statement-breakpoint
CREATE TABLE `contact_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`fan_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`other_contact_id` text,
	`submission_id` text,
	`status` text DEFAULT 'open' NOT NULL,
	`resolution` text,
	`resolved_by` text,
	`resolved_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contact_conflicts_status_idx` ON `contact_conflicts` (`status`);--> statement-breakpoint
CREATE TABLE `form_submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`form_id` text NOT NULL,
	`account_id` text NOT NULL,
	`qrcode_id` text,
	`fan_id` text,
	`contact_id` text,
	`data` text NOT NULL,
	`outcome` text NOT NULL,
	`client_hash` text DEFAULT '' NOT NULL,
	`erased_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `form_submissions_form_idx` ON `form_submissions` (`form_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `form_submissions_code_idx` ON `form_submissions` (`qrcode_id`);--> statement-breakpoint
CREATE INDEX `form_submissions_contact_idx` ON `form_submissions` (`contact_id`);--> statement-breakpoint
CREATE TABLE `form_views` (
	`id` text PRIMARY KEY NOT NULL,
	`form_id` text NOT NULL,
	`qrcode_id` text,
	`fan_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `form_views_form_idx` ON `form_views` (`form_id`);--> statement-breakpoint
CREATE INDEX `form_views_code_idx` ON `form_views` (`qrcode_id`);--> statement-breakpoint
CREATE TABLE `forms` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`name` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`fields` text DEFAULT '[]' NOT NULL,
	`key_field` text DEFAULT 'mobile' NOT NULL,
	`member_tag_ids` text DEFAULT '[]' NOT NULL,
	`thank_you_message` text DEFAULT '' NOT NULL,
	`redirect_url` text,
	`allow_anonymous` integer DEFAULT false NOT NULL,
	`language` text DEFAULT 'zh-CN' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `forms_account_idx` ON `forms` (`account_id`);--> statement-breakpoint
CREATE TABLE `job_items` (
	`job_id` text NOT NULL,
	`row_index` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`input` text NOT NULL,
	`error` text,
	`result_id` text,
	PRIMARY KEY(`job_id`, `row_index`)
);
--> statement-breakpoint
CREATE INDEX `job_items_status_idx` ON `job_items` (`job_id`,`status`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text,
	`type` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`result` text,
	`artifact_id` text,
	`error` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `jobs_account_created_idx` ON `jobs` (`account_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `jobs_status_idx` ON `jobs` (`status`);--> statement-breakpoint
CREATE TABLE `media` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`r2_key` text NOT NULL,
	`wechat_media_id` text,
	`wechat_media_expires_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `media_account_idx` ON `media` (`account_id`);--> statement-breakpoint
CREATE TABLE `contact_member_tags` (
	`contact_id` text NOT NULL,
	`member_tag_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`contact_id`, `member_tag_id`)
);
--> statement-breakpoint
CREATE INDEX `contact_member_tags_tag_idx` ON `contact_member_tags` (`member_tag_id`);--> statement-breakpoint
CREATE TABLE `member_tags` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`color` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `member_tags_name_uq` ON `member_tags` (`name`);--> statement-breakpoint
CREATE TABLE `pending_member_tags` (
	`fan_id` text NOT NULL,
	`member_tag_id` text NOT NULL,
	`qrcode_id` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`fan_id`, `member_tag_id`)
);
--> statement-breakpoint
CREATE TABLE `qr_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `qr_groups_account_name_uq` ON `qr_groups` (`account_id`,`name`);--> statement-breakpoint
CREATE TABLE `qrcode_daily` (
	`qrcode_id` text NOT NULL,
	`day` text NOT NULL,
	`account_id` text NOT NULL,
	`scans` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`qrcode_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `qrcode_daily_account_day_idx` ON `qrcode_daily` (`account_id`,`day`);--> statement-breakpoint
CREATE TABLE `qrcode_day_cohorts` (
	`qrcode_id` text NOT NULL,
	`kind` text NOT NULL,
	`day` text NOT NULL,
	`prev_day` text NOT NULL,
	`account_id` text NOT NULL,
	`fans` integer DEFAULT 0 NOT NULL,
	`gone` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`qrcode_id`, `kind`, `day`, `prev_day`)
);
--> statement-breakpoint
CREATE INDEX `qrcode_day_cohorts_account_day_idx` ON `qrcode_day_cohorts` (`account_id`,`day`);--> statement-breakpoint
CREATE TABLE `qrcode_fan_days` (
	`qrcode_id` text NOT NULL,
	`fan_id` text NOT NULL,
	`day` text NOT NULL,
	`account_id` text NOT NULL,
	`first_scan_at` integer NOT NULL,
	`scans` integer DEFAULT 0 NOT NULL,
	`prev_day` text DEFAULT '' NOT NULL,
	`scan_gone` integer DEFAULT false NOT NULL,
	`followed_at` integer,
	`prev_follow_day` text,
	`follow_gone` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`qrcode_id`, `fan_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `qrcode_fan_days_code_day_idx` ON `qrcode_fan_days` (`qrcode_id`,`day`,`fan_id`);--> statement-breakpoint
CREATE INDEX `qrcode_fan_days_fan_idx` ON `qrcode_fan_days` (`fan_id`);--> statement-breakpoint
CREATE TABLE `qrcode_fans` (
	`qrcode_id` text NOT NULL,
	`fan_id` text NOT NULL,
	`account_id` text NOT NULL,
	`first_scan_at` integer NOT NULL,
	`last_scan_at` integer NOT NULL,
	`scan_count` integer DEFAULT 0 NOT NULL,
	`is_new_follower` integer DEFAULT false NOT NULL,
	`followed_at` integer,
	`unfollowed_at` integer,
	PRIMARY KEY(`qrcode_id`, `fan_id`)
);
--> statement-breakpoint
CREATE INDEX `qrcode_fans_code_first_idx` ON `qrcode_fans` (`qrcode_id`,`first_scan_at`);--> statement-breakpoint
CREATE INDEX `qrcode_fans_code_last_idx` ON `qrcode_fans` (`qrcode_id`,`last_scan_at`);--> statement-breakpoint
CREATE INDEX `qrcode_fans_fan_idx` ON `qrcode_fans` (`fan_id`);--> statement-breakpoint
CREATE INDEX `qrcode_fans_account_idx` ON `qrcode_fans` (`account_id`);--> statement-breakpoint
CREATE TABLE `qrcodes` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`group_id` text,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`scene` text NOT NULL,
	`action_name` text NOT NULL,
	`ticket` text,
	`url` text,
	`expires_at` integer,
	`validity_days` integer,
	`auto_renew` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`live_token` text NOT NULL,
	`fan_tag_ids` text DEFAULT '[]' NOT NULL,
	`member_tag_ids` text DEFAULT '[]' NOT NULL,
	`reply` text DEFAULT '[]' NOT NULL,
	`form_id` text,
	`idempotency_key` text,
	`created_by` text,
	`renewed_at` integer,
	`renew_lease_until` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `qrcodes_account_scene_uq` ON `qrcodes` (`account_id`,`scene`);--> statement-breakpoint
CREATE UNIQUE INDEX `qrcodes_live_token_uq` ON `qrcodes` (`live_token`);--> statement-breakpoint
CREATE UNIQUE INDEX `qrcodes_account_idem_uq` ON `qrcodes` (`account_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `qrcodes_account_group_idx` ON `qrcodes` (`account_id`,`group_id`);--> statement-breakpoint
CREATE INDEX `qrcodes_account_status_expiry_idx` ON `qrcodes` (`account_id`,`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `qrcodes_account_created_idx` ON `qrcodes` (`account_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `qrcodes_renew_idx` ON `qrcodes` (`auto_renew`,`expires_at`);--> statement-breakpoint
CREATE INDEX `qrcodes_account_kind_idx` ON `qrcodes` (`account_id`,`kind`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reply_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`qrcode_id` text NOT NULL,
	`fan_id` text NOT NULL,
	`scan_id` integer,
	`position` integer NOT NULL,
	`message_type` text NOT NULL,
	`message` text,
	`channel` text NOT NULL,
	`status` text NOT NULL,
	`errcode` integer,
	`error_message` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `reply_deliveries_code_idx` ON `reply_deliveries` (`qrcode_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `reply_deliveries_scan_idx` ON `reply_deliveries` (`scan_id`);--> statement-breakpoint
CREATE TABLE `sandbox_apps` (
	`app_id` text PRIMARY KEY NOT NULL,
	`permanent_qr_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sandbox_calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`app_id` text NOT NULL,
	`path` text NOT NULL,
	`body` text,
	`errcode` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sandbox_calls_app_idx` ON `sandbox_calls` (`app_id`,`path`,`id`);--> statement-breakpoint
CREATE TABLE `sandbox_fans` (
	`app_id` text NOT NULL,
	`openid` text NOT NULL,
	`following` integer DEFAULT false NOT NULL,
	`subscribe_time` integer,
	`subscribe_scene` text,
	`qr_scene` integer,
	`qr_scene_str` text,
	`tag_ids` text DEFAULT '[]' NOT NULL,
	`window_started_at` integer,
	`window_sent` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`app_id`, `openid`)
);
--> statement-breakpoint
CREATE TABLE `sandbox_faults` (
	`id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`path` text NOT NULL,
	`errcode` integer,
	`errmsg` text DEFAULT '' NOT NULL,
	`delay_ms` integer DEFAULT 0 NOT NULL,
	`remaining` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sandbox_faults_app_idx` ON `sandbox_faults` (`app_id`,`remaining`);--> statement-breakpoint
CREATE TABLE `sandbox_media` (
	`media_id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`type` text NOT NULL,
	`size` integer NOT NULL,
	`permanent` integer NOT NULL,
	`expires_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sandbox_media_app_idx` ON `sandbox_media` (`app_id`);--> statement-breakpoint
CREATE TABLE `sandbox_oauth_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`openid` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sandbox_qrcodes` (
	`ticket` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`action_name` text NOT NULL,
	`scene` text NOT NULL,
	`permanent` integer NOT NULL,
	`url` text NOT NULL,
	`expire_seconds` integer,
	`expires_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sandbox_qrcodes_scene_idx` ON `sandbox_qrcodes` (`app_id`,`scene`);--> statement-breakpoint
CREATE TABLE `sandbox_tags` (
	`app_id` text NOT NULL,
	`id` integer NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`app_id`, `id`)
);
--> statement-breakpoint
CREATE TABLE `sandbox_tokens` (
	`token` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sandbox_tokens_app_idx` ON `sandbox_tokens` (`app_id`,`expires_at`);--> statement-breakpoint
CREATE TABLE `scans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` text NOT NULL,
	`qrcode_id` text,
	`scene` text NOT NULL,
	`fan_id` text NOT NULL,
	`event` text NOT NULL,
	`is_new_follower` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`dedupe_key` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scans_dedupe_uq` ON `scans` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `scans_qrcode_time_idx` ON `scans` (`qrcode_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `scans_account_time_idx` ON `scans` (`account_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `scans_fan_idx` ON `scans` (`fan_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`user_agent` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `user_accounts` (
	`user_id` text NOT NULL,
	`account_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `account_id`)
);
--> statement-breakpoint
CREATE INDEX `user_accounts_account_idx` ON `user_accounts` (`account_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`locale` text DEFAULT 'zh-CN' NOT NULL,
	`last_login_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_status_idx` ON `users` (`status`);--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`dedupe_key` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`reply_xml` text DEFAULT '' NOT NULL,
	`handled_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_events_created_idx` ON `webhook_events` (`created_at`);