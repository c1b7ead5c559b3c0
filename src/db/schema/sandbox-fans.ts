import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { bool, createdAt, jsonText, timestamp, updatedAt } from "./columns";

/**
 * The WeChat sandbox's view of a fan: following or not (so a follower's next
 * scan is SCAN), what user/info answers, tags, and the customer-service
 * window opened by the latest scan or follow.
 */
export const sandboxFans = sqliteTable(
  "sandbox_fans",
  {
    appId: text("app_id").notNull(),
    openid: text("openid").notNull(),
    following: bool("following").notNull().default(false),
    /** Unix seconds of the latest follow. */
    subscribeTime: integer("subscribe_time"),
    subscribeScene: text("subscribe_scene"),
    qrScene: integer("qr_scene"),
    qrSceneStr: text("qr_scene_str"),
    tagIds: jsonText<number[]>("tag_ids").notNull().default([]),
    /** Unix ms of the scan or follow that opened the customer-service window. */
    windowStartedAt: timestamp("window_started_at"),
    windowSent: integer("window_sent").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.appId, t.openid] })],
);
