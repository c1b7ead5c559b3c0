import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { visibleAccountIds } from "../accounts/access";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/middleware";
import { getDb } from "../db/client";
import { AppError, notFound } from "../http/errors";
import { errorResponses, idParam, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import type { AppEnv } from "../http/types";
import { type DecideResult, discardDeadLetter, retryDeadLetter } from "./decide-dead-letter";
import {
  type DeadLetterRow,
  findVisibleDeadLetter,
  jobTypesOf,
  listDeadLetters,
  presentDeadLetter,
} from "./list-dead-letters";
import { deadLetterSchema, listDeadLettersQuerySchema } from "./schemas";

const params = z.object({ deadLetterId: idParam("deadLetterId", "dlq_k3j9x0a1b2c3d4e5") });
const oneResponse = jsonResponse(z.object({ deadLetter: deadLetterSchema }), "The dead letter");

async function visibleOrThrow(c: Context<AppEnv>, id: string) {
  const db = getDb(c.env.DB);
  const row = await findVisibleDeadLetter(db, await visibleAccountIds(db, c.get("auth")), id);
  if (!row) throw notFound("Dead letter");
  return { db, row };
}

/** Turns a refused decision into the error shape; audits and presents an accepted one. */
async function answer(c: Context<AppEnv>, before: DeadLetterRow, result: DecideResult) {
  if (!result.ok) {
    throw new AppError(
      "conflict",
      result.reason === "unreadable"
        ? "This message matches no job the worker knows and would fail again; discard it"
        : `This dead letter was already ${before.status === "open" ? "handled" : before.status}`,
    );
  }
  const after = result.deadLetter;
  await recordAudit(getDb(c.env.DB), c, {
    action: after.status === "retried" ? "dead_letter.retry" : "dead_letter.discard",
    entityType: "dead_letter",
    entityId: after.id,
    accountId: after.accountId,
    before: { status: before.status, type: before.type, jobId: before.jobId },
    after: { status: after.status, type: after.type, jobId: after.jobId },
  });
  const jobTypes = await jobTypesOf(getDb(c.env.DB), [after]);
  return c.json({ deadLetter: presentDeadLetter(after, jobTypes) }, 200);
}

export const deadLetterRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/dead-letters",
      tags: ["Dead letters"],
      summary: "Queue messages that exhausted their retries, newest first (admin or owner)",
      description:
        "At most 200. Admins see those of the accounts granted to them; messages that name no account are shown to owners only. The message bodies are never shown.",
      middleware: [requireRole("admin")] as const,
      request: { query: listDeadLettersQuerySchema },
      responses: {
        200: jsonResponse(z.object({ deadLetters: z.array(deadLetterSchema) }), "Dead letters"),
        ...errorResponses(400, 403),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const visible = await visibleAccountIds(db, c.get("auth"));
      const rows = await listDeadLetters(db, visible, c.req.valid("query").status);
      const jobTypes = await jobTypesOf(db, rows);
      return c.json({ deadLetters: rows.map((r) => presentDeadLetter(r, jobTypes)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/dead-letters/{deadLetterId}/retry",
      tags: ["Dead letters"],
      summary: "Send an open dead letter's message to the jobs queue again (admin or owner)",
      description:
        "Job handlers resume from stored progress, so a retried message does not repeat work already done. A job the dead letter stopped is queued again.",
      middleware: [requireRole("admin")] as const,
      request: { params },
      responses: { 200: oneResponse, ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const { db, row } = await visibleOrThrow(c, c.req.valid("param").deadLetterId);
      return answer(c, row, await retryDeadLetter(c.env, db, row));
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/dead-letters/{deadLetterId}/discard",
      tags: ["Dead letters"],
      summary: "Mark an open dead letter discarded; it is kept but never sent (admin or owner)",
      middleware: [requireRole("admin")] as const,
      request: { params },
      responses: { 200: oneResponse, ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const { db, row } = await visibleOrThrow(c, c.req.valid("param").deadLetterId);
      return answer(c, row, await discardDeadLetter(db, row));
    },
  );
