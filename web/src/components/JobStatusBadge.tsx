import type { Job } from "../api/types";
import { type MessageKey, useT } from "../i18n";
import { Badge, type BadgeTone } from "./Badge";

const TONES: Record<Job["status"], BadgeTone> = {
  queued: "neutral",
  running: "info",
  succeeded: "success",
  failed: "danger",
  cancelled: "neutral",
};

export function JobStatusBadge({ job }: { job: Job }) {
  const t = useT();
  const tone = job.status === "succeeded" && job.failed > 0 ? "warning" : TONES[job.status];
  return <Badge tone={tone}>{t(`jobs.status.${job.status}` as MessageKey)}</Badge>;
}
