import { useT } from "../i18n";
import { PRINT_SIZES } from "../lib/print-sizes";

type SizePickerProps = { value: string; onChange: (id: string) => void; id?: string };

/** Pixels for screens, centimetres at 300 dpi for print, in one list. */
export function SizePicker({ value, onChange, id }: SizePickerProps) {
  const t = useT();
  return (
    <select id={id} class="select" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      {PRINT_SIZES.map((s) => (
        <option key={s.id} value={s.id}>
          {s.cm ? t("detail.size.cm", { cm: s.cm, px: s.px }) : t("detail.size.px", { px: s.px })}
        </option>
      ))}
    </select>
  );
}
