import type { z } from "zod";
import type { accountSchema } from "../../../src/accounts/schemas";
import type { apiTokenSchema, createdApiTokenSchema, meSchema } from "../../../src/auth/schemas";
import type { jobSchema } from "../../../src/jobs/schemas";

// The console is typed by the server's own zod schemas (types only: no server
// code reaches the bundle), so a changed field breaks `tsc -p web`.
export type Me = z.infer<typeof meSchema>;
export type Account = z.infer<typeof accountSchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
export type Job = z.infer<typeof jobSchema>;
export type MessageMode = Account["messageMode"];
