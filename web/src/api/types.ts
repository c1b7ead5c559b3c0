import type { z } from "zod";
import type {
  accountSchema,
  connectionCheckSchema,
  createAccountBodySchema,
  updateAccountBodySchema,
} from "../../../src/accounts/schemas";
import type { apiTokenSchema, createdApiTokenSchema, meSchema } from "../../../src/auth/schemas";
import type { fansExportBodySchema, scansExportBodySchema } from "../../../src/exports/schemas";
import type { groupSchema } from "../../../src/groups/schemas";
import type {
  confirmImportBodySchema,
  importPreviewSchema,
  importRowSchema,
} from "../../../src/imports/schemas";
import type { jobSchema } from "../../../src/jobs/schemas";
import type { mediaSchema } from "../../../src/media/schemas";
import type {
  createQrCodeBodySchema,
  listQrCodesQuerySchema,
  qrCodeSchema,
  updateQrCodeBodySchema,
} from "../../../src/qrcodes/schemas";
import type { deliverySchema, replyMessageSchema } from "../../../src/replies/schemas";
import type { scanDeliverySchema, simulateScansBodySchema } from "../../../src/sandbox/schemas";
import type {
  codeFanSchema,
  codeFansPageSchema,
  codeStatsSchema,
  FAN_SEGMENTS,
  statsSummarySchema,
} from "../../../src/stats/schemas";
import type { fanTagSchema, memberTagSchema } from "../../../src/tags/schemas";

// The console is typed by the server's own zod schemas (types only: no server
// code reaches the bundle), so a changed field breaks `tsc -p web`. Request
// bodies use z.input: fields with server defaults may be left out.
export type Me = z.infer<typeof meSchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export type Account = z.infer<typeof accountSchema>;
export type MessageMode = Account["messageMode"];
export type CreateAccountBody = z.input<typeof createAccountBodySchema>;
export type UpdateAccountBody = z.input<typeof updateAccountBodySchema>;
export type ConnectionCheck = z.infer<typeof connectionCheckSchema>;

export type Job = z.infer<typeof jobSchema>;

export type QrCode = z.infer<typeof qrCodeSchema>;
export type QrKind = QrCode["kind"];
export type QrState = QrCode["state"];
export type QrNumbers = NonNullable<QrCode["numbers"]>;
export type CreateQrCodeBody = z.input<typeof createQrCodeBodySchema>;
export type UpdateQrCodeBody = z.input<typeof updateQrCodeBodySchema>;
// Query strings are coerced by the server; the console sends the parsed shape.
export type ListQrCodesQuery = Partial<z.infer<typeof listQrCodesQuerySchema>>;
export type QrSort = NonNullable<ListQrCodesQuery["sort"]>;
export type QrGroup = z.infer<typeof groupSchema>;

export type ReplyMessage = z.input<typeof replyMessageSchema>;
export type ReplyMessageType = ReplyMessage["type"];

export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type ImportRow = z.infer<typeof importRowSchema>;
export type ImportProblem = ImportRow["problems"][number];
export type ConfirmImportBody = z.input<typeof confirmImportBodySchema>;

export type SimulateScansBody = z.input<typeof simulateScansBodySchema>;
export type ScanDelivery = z.infer<typeof scanDeliverySchema>;

export type FanTag = z.infer<typeof fanTagSchema>;
export type MemberTag = z.infer<typeof memberTagSchema>;

export type CodeStats = z.infer<typeof codeStatsSchema>;
export type CodeNumbers = CodeStats["numbers"];
export type DayNumbers = CodeStats["series"][number];
export type FanSegment = (typeof FAN_SEGMENTS)[number];
export type CodeFan = z.infer<typeof codeFanSchema>;
export type CodeFansPage = z.infer<typeof codeFansPageSchema>;
export type StatsSummary = z.infer<typeof statsSummarySchema>;
export type FansExportBody = z.input<typeof fansExportBodySchema>;
export type ScansExportBody = z.input<typeof scansExportBodySchema>;

/**
 * What /api/accounts/{id}/live pushes (src/live/live-messages.ts). Mirrored,
 * because that module pulls the Worker's D1 types into the console's build.
 */
export type LiveMessage =
  | {
      type: "scan";
      qrcodeId: string | null;
      occurredAt: number;
      day: string;
      isNewFollower: boolean;
      numbers: CodeNumbers;
      dayNumbers: CodeNumbers;
    }
  | { type: "unfollow"; qrcodeId: string; occurredAt: number; numbers: CodeNumbers };

export type ReplyDelivery = z.infer<typeof deliverySchema>;
export type ReplyDeliveriesPage = {
  deliveries: ReplyDelivery[];
  total: number;
  page: number;
  pageSize: number;
};
export type Media = z.infer<typeof mediaSchema>;
