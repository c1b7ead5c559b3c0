import { integer, text } from "drizzle-orm/sqlite-core";

// Times are stored as Unix milliseconds (UTC). The account's time zone is
// applied when a number is bucketed into days, never when it is stored.
export const timestamp = (name: string) => integer(name);

export const createdAt = () => integer("created_at").notNull();
export const updatedAt = () => integer("updated_at").notNull();

export const primaryId = () => text("id").primaryKey();

/** A JSON document in a TEXT column; the type is what the code writes. */
export const jsonText = <T>(name: string) => text(name, { mode: "json" }).$type<T>();

export const bool = (name: string) => integer(name, { mode: "boolean" });
