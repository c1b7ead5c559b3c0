import { useT } from "../i18n";

export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--accent)" />
      <g fill="#fff">
        <path d="M7 7h8v8H7zm2 2v4h4V9zM17 7h8v8h-8zm2 2v4h4V9zM7 17h8v8H7zm2 2v4h4v-4z" />
        <path d="M17 17h3v3h-3zm5 0h3v3h-3zm-5 5h3v3h-3zm5 0h3v3h-3z" />
      </g>
    </svg>
  );
}

export function Brand() {
  const t = useT();
  return (
    <a class="brand" href="/">
      <BrandMark />
      <span class="brand-name">{t("app.name")}</span>
    </a>
  );
}
