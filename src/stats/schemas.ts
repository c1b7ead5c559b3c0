import { z } from "@hono/zod-openapi";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD")
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
      new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: "Not a calendar date",
    },
  );

export const rangeFields = {
  from: day
    .optional()
    .openapi({ description: "First day, in the account's time zone", example: "2026-03-01" }),
  to: day.optional().openapi({ description: "Last day, included", example: "2026-03-31" }),
};

const fromNotAfterTo = (r: { from?: string | undefined; to?: string | undefined }) =>
  !r.from || !r.to || r.from <= r.to;
const rangeMessage = { message: "from must not be after to", path: ["from"] };

export const rangeQuerySchema = z.object(rangeFields).refine(fromNotAfterTo, rangeMessage);

export const codeNumbersSchema = z
  .object({
    scans: z
      .number()
      .int()
      .openapi({ description: "Scan events; repeat scans count, retried deliveries do not" }),
    scanners: z.number().int().openapi({ description: "Distinct fans with a scan in the range" }),
    newFollowers: z
      .number()
      .int()
      .openapi({ description: "Distinct fans who followed by scanning the code in the range" }),
    oldFans: z
      .number()
      .int()
      .openapi({ description: "Scanners in the range who did not follow through the code in it" }),
    unfollows: z
      .number()
      .int()
      .openapi({ description: "Scanners in the range who unfollowed after such a scan" }),
    netNewFollowers: z
      .number()
      .int()
      .openapi({ description: "New followers minus those who unfollowed since" }),
  })
  .openapi("CodeNumbers");

export const dayNumbersSchema = codeNumbersSchema.extend({ day: z.string() }).openapi("DayNumbers");

export const codeStatsSchema = z
  .object({
    qrcodeId: z.string(),
    timeZone: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    numbers: codeNumbersSchema,
    series: z.array(dayNumbersSchema).openapi({
      description:
        "One entry per day; each day's numbers are those of that day alone (distinct per day)",
    }),
  })
  .openapi("CodeStats");

export const FAN_SEGMENTS = ["all", "new", "old"] as const;

export const listFansQuerySchema = z
  .object({
    ...rangeFields,
    segment: z.enum(FAN_SEGMENTS).default("all"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine(fromNotAfterTo, rangeMessage);

export const codeFanSchema = z
  .object({
    fanId: z.string(),
    openid: z
      .string()
      .openapi({ description: "Shown to operators; never logged; empty when the fan was erased" }),
    erased: z
      .boolean()
      .openapi({ description: "The fan's personal data was erased; its scans still count" }),
    remark: z.string(),
    contact: z.object({ id: z.string(), name: z.string() }).nullable(),
    firstScanAt: z.number(),
    lastScanAt: z.number(),
    scanCount: z.number().int(),
    isNewFollower: z
      .boolean()
      .openapi({ description: "Followed through this code (within the range, when one is given)" }),
    following: z.boolean(),
    followedAt: z
      .number()
      .nullable()
      .openapi({ description: "The fan's latest follow of the account" }),
    followCount: z.number().int(),
    unfollowCount: z.number().int(),
    unfollowedAt: z
      .number()
      .nullable()
      .openapi({ description: "Latest unfollow after scanning this code" }),
    tags: z.array(z.object({ id: z.number().int(), name: z.string() })),
  })
  .openapi("CodeFan");

export const codeFansPageSchema = z
  .object({
    fans: z.array(codeFanSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi("CodeFansPage");

export const statsSummarySchema = z
  .object({
    timeZone: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    account: codeNumbersSchema.extend({
      unknownScans: z.number().int().openapi({ description: "Scans of scenes that match no code" }),
    }),
    groups: z.array(
      z.object({
        groupId: z.string().nullable(),
        name: z.string().nullable(),
        numbers: codeNumbersSchema,
      }),
    ),
    series: z.array(dayNumbersSchema).openapi({
      description:
        "One entry per day of the range (an open start begins at the first scan), summed over the codes",
    }),
  })
  .openapi("StatsSummary", {
    description:
      "Sums of the codes' numbers: a fan who scans two codes counts for both, as on the codes",
  });
