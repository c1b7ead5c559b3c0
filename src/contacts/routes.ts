import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { auditInsert } from "../audit/record-audit";
import { getDb } from "../db/client";
import { AppError, notFound } from "../http/errors";
import { errorResponses, idParam, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import type { AppEnv } from "../http/types";
import { presentJob } from "../jobs/present-job";
import { jobSchema } from "../jobs/schemas";
import { createJob } from "../jobs/service";
import { conflictRoutes } from "./conflict-routes";
import { findVisibleContact, getContactDetail } from "./contact-detail";
import { contactVisibility, type Visibility } from "./contact-visibility";
import { editContact } from "./edit-contact";
import type { ContactsExportParams } from "./export-contacts";
import { contactExtras, listContacts } from "./list-contacts";
import { memberTagAdminRoutes } from "./member-tag-routes";
import { findVisibleQrcode } from "./qrcode-visibility";
import {
  contactDetailSchema,
  contactListSchema,
  contactsExportBodySchema,
  contactsQuerySchema,
  contactTagsBodySchema,
  memberTagRefSchema,
  updateContactBodySchema,
} from "./schemas";
import { addContactTags, removeContactTag } from "./tag-contact";

const contactParams = z.object({ contactId: idParam("contactId", "ct_k3j9x0a1b2c3d4e5") });

async function visibleOrThrow(c: Context<AppEnv>, contactId: string) {
  const db = getDb(c.env.DB);
  const visible = await contactVisibility(db, c.get("auth"));
  const contact = await findVisibleContact(db, visible, contactId);
  if (!contact) throw notFound("Contact");
  return { db, visible, contact };
}

/** A code filter names a code the user may see, or the answer is 404 like any hidden thing. */
async function checkCodeFilter(c: Context<AppEnv>, visible: Visibility, qrcodeId?: string) {
  if (qrcodeId && !(await findVisibleQrcode(getDb(c.env.DB), visible, qrcodeId))) {
    throw notFound("QR code");
  }
}

/**
 * Contacts are global, so their entries carry no account; the audit log
 * shows them only to readers who can see the contact (src/audit/list-audit.ts).
 */
function contactAudit(c: Context<AppEnv>, contactId: string) {
  const db = getDb(c.env.DB);
  return {
    edit: (change: { before: Record<string, unknown>; after: Record<string, unknown> }) =>
      auditInsert(db, c, {
        action: "contact.update",
        entityType: "contact",
        entityId: contactId,
        ...change,
      }),
    tags: (before: string[], after: string[]) =>
      auditInsert(db, c, {
        action: "contact.tags",
        entityType: "contact",
        entityId: contactId,
        before: { memberTagIds: before },
        after: { memberTagIds: after },
      }),
  };
}

async function tagsOf(c: Context<AppEnv>, visible: Visibility, contactId: string) {
  const extras = await contactExtras(getDb(c.env.DB), visible, [contactId]);
  return extras.tags.get(contactId) ?? [];
}

const tagsResponse = jsonResponse(
  z.object({ tags: z.array(memberTagRefSchema) }),
  "The contact's tags",
);

export const contactRoutes = createRouter()
  .route("/", conflictRoutes)
  .route("/", memberTagAdminRoutes)
  .openapi(
    createRoute({
      method: "get",
      path: "/contacts",
      tags: ["Contacts"],
      summary:
        "Search contacts by name, mobile or email; filter by member tag or by the code that brought them",
      description:
        "Contacts are global. A user who is not an owner sees a contact linked to a fan of, or submitted through a form of, an account granted to them.",
      request: { query: contactsQuerySchema },
      responses: {
        200: jsonResponse(contactListSchema, "A page of contacts"),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const visible = await contactVisibility(db, c.get("auth"));
      const query = c.req.valid("query");
      await checkCodeFilter(c, visible, query.qrcodeId);
      return c.json(await listContacts(db, visible, query), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/contacts/export",
      tags: ["Contacts"],
      summary: "Export the matching contacts to Excel as a job; poll GET /api/jobs/{jobId}",
      request: { body: jsonBody(contactsExportBodySchema) },
      responses: {
        202: jsonResponse(z.object({ job: jobSchema }), "Queued"),
        ...errorResponses(400, 403, 404),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const auth = c.get("auth");
      const filter = c.req.valid("json");
      await checkCodeFilter(c, await contactVisibility(db, auth), filter.qrcodeId);
      const params: ContactsExportParams = { userId: auth.userId, filter };
      const job = await createJob(db, c.env.JOBS, {
        accountId: null,
        type: "contacts_export",
        total: 0,
        params,
        createdBy: auth.userId,
      });
      return c.json({ job: presentJob(job, null) }, 202);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/contacts/{contactId}",
      tags: ["Contacts"],
      summary: "A contact with linked fans, scans, submissions, tags and merge history",
      request: { params: contactParams },
      responses: {
        200: jsonResponse(contactDetailSchema, "The contact"),
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const { db, visible, contact } = await visibleOrThrow(c, c.req.valid("param").contactId);
      return c.json(await getContactDetail(db, visible, contact), 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/contacts/{contactId}",
      tags: ["Contacts"],
      summary: "Edit a contact by hand; the change is recorded in its history",
      request: { params: contactParams, body: jsonBody(updateContactBodySchema) },
      responses: {
        200: jsonResponse(contactDetailSchema, "The contact after the edit"),
        ...errorResponses(400, 403, 404, 409),
      },
    }),
    async (c) => {
      const { db, visible, contact } = await visibleOrThrow(c, c.req.valid("param").contactId);
      const result = await editContact(
        db,
        contact,
        c.req.valid("json"),
        c.get("auth").userId,
        contactAudit(c, contact.id).edit,
      );
      if (!result.ok) {
        throw new AppError("conflict", `${result.field}: already belongs to another contact`, {
          details: { field: result.field, otherContactId: result.otherContactId },
        });
      }
      return c.json(await getContactDetail(db, visible, result.contact), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/contacts/{contactId}/member-tags",
      tags: ["Contacts"],
      summary: "Add member tags to a contact",
      request: { params: contactParams, body: jsonBody(contactTagsBodySchema) },
      responses: { 200: tagsResponse, ...errorResponses(400, 403, 404) },
    }),
    async (c) => {
      const { db, visible, contact } = await visibleOrThrow(c, c.req.valid("param").contactId);
      const { memberTagIds } = c.req.valid("json");
      const result = await addContactTags(
        db,
        contact.id,
        memberTagIds,
        c.get("auth").userId,
        contactAudit(c, contact.id).tags,
      );
      if (!result.ok) {
        throw new AppError(
          "bad_request",
          `memberTagIds: unknown member tag ${result.ids.join(", ")}`,
        );
      }
      return c.json({ tags: await tagsOf(c, visible, contact.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/contacts/{contactId}/member-tags/{memberTagId}",
      tags: ["Contacts"],
      summary: "Remove one member tag from a contact",
      request: {
        params: contactParams.extend({
          memberTagId: idParam("memberTagId", "mt_k3j9x0a1b2c3d4e5"),
        }),
      },
      responses: { 200: tagsResponse, ...errorResponses(403, 404) },
    }),
    async (c) => {
      const { contactId, memberTagId } = c.req.valid("param");
      const { db, visible, contact } = await visibleOrThrow(c, contactId);
      const audit = contactAudit(c, contact.id).tags;
      if (!(await removeContactTag(db, contact.id, memberTagId, c.get("auth").userId, audit))) {
        throw notFound("Member tag on this contact");
      }
      return c.json({ tags: await tagsOf(c, visible, contact.id) }, 200);
    },
  );
