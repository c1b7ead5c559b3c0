import { useState } from "preact/hooks";
import { simulateScan } from "../../../api/qrcodes";
import type { QrCode, ScanDelivery } from "../../../api/types";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { Field } from "../../../components/Field";
import { Icon } from "../../../components/Icon";
import { useAction } from "../../../hooks/use-action";
import { type MessageKey, useT } from "../../../i18n";
import { richText } from "../reply/rich-text";

const KINDS = ["scan", "subscribe", "unsubscribe"] as const;

function answerText(d: ScanDelivery): string | null {
  if (d.answer.kind !== "reply") return null;
  const f = d.answer.fields;
  return f.Content ?? f.Title ?? d.answer.msgType;
}

/** Sandbox accounts only: one fan scans this code, through the real webhook path. */
export function SimulateScanCard({ code, onScanned }: { code: QrCode; onScanned: () => void }) {
  const t = useT();
  const [kind, setKind] = useState<(typeof KINDS)[number]>("scan");
  const [openid, setOpenid] = useState("");
  const { busy, error, run } = useAction();
  const [result, setResult] = useState<ScanDelivery | null>(null);

  const simulate = async () => {
    await run(async () => {
      const [delivery] = await simulateScan(code.accountId, {
        scene: code.scene,
        kind,
        openid: openid.trim() || undefined,
      });
      setResult(delivery ?? null);
      if (delivery && !openid) setOpenid(delivery.openid);
      onScanned();
    });
  };

  const reply = result ? answerText(result) : null;
  return (
    <section class="card form simulate" data-testid="simulate-card">
      <div>
        <h2 class="card-title">
          <Icon name="sandbox" size={16} /> {t("detail.simulate")}
        </h2>
        <p class="card-hint">{t("detail.simulateHint")}</p>
      </div>
      <select
        class="select"
        aria-label={t("detail.simulate")}
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value as (typeof KINDS)[number])}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`detail.simulate.kind.${k}` as MessageKey)}
          </option>
        ))}
      </select>
      <Field
        label={t("detail.simulate.openid")}
        htmlFor="simulate-openid"
        hint={t("detail.simulate.openidHint")}
      >
        <input
          id="simulate-openid"
          class="input mono"
          value={openid}
          onInput={(e) => setOpenid(e.currentTarget.value)}
        />
      </Field>
      <button type="button" class="btn btn-block" onClick={simulate} disabled={busy}>
        <Icon name="play" size={14} />
        {t("detail.simulate.run")}
      </button>
      {error ? <ErrorNotice error={error} /> : null}
      {result ? (
        <div class="simulate-result" data-testid="simulate-result">
          <div class="muted small">
            {result.event} · {t("detail.simulate.answer")}
          </div>
          <div class="wx-bubble simulate-bubble">
            {reply ? richText(reply) : t("detail.simulate.noReply")}
          </div>
        </div>
      ) : null}
    </section>
  );
}
