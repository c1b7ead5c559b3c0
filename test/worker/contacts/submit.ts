import { eq } from "drizzle-orm";
import { contactEvents, contacts, fans, formSubmissions } from "../../../src/db/schema";
import { db, formLinkPath, formPost, openLink } from "../forms/fixtures";
import { call } from "../helpers";

/** Opens the fan's signed link to the form and submits these values; returns the status. */
export async function submitAs(
  form: { id: string },
  fan: { id: string; accountId: string },
  values: Record<string, string | string[]>,
  qrcodeId: string | null = null,
): Promise<number> {
  const { token } = await openLink(await formLinkPath(form.id, fan.id, fan.accountId, qrcodeId));
  if (!token) throw new Error("the form page carried no token");
  const res = await call(`/f/${form.id}`, formPost({ ...values, _t: token }));
  return res.status;
}

export async function contactByMobile(mobile: string) {
  const [row] = await db().select().from(contacts).where(eq(contacts.mobile, mobile));
  return row;
}

export async function fanRow(id: string) {
  const [row] = await db().select().from(fans).where(eq(fans.id, id));
  return row;
}

export async function eventsOf(contactId: string) {
  return db().select().from(contactEvents).where(eq(contactEvents.contactId, contactId));
}

export async function submissionsOfFan(fanId: string) {
  return db().select().from(formSubmissions).where(eq(formSubmissions.fanId, fanId));
}
