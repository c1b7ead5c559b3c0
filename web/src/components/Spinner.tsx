type SpinnerProps = { size?: number; label?: string };

export function Spinner({ size = 16, label }: SpinnerProps) {
  return (
    <span class="spinner-wrap" role="status">
      <span class="spinner" style={{ width: `${size}px`, height: `${size}px` }} />
      {label ? <span class="spinner-label">{label}</span> : null}
    </span>
  );
}

/** A centred spinner for a whole section while its first answer is on its way. */
export function LoadingBlock({ label }: { label?: string }) {
  return (
    <div class="loading-block">
      <Spinner size={20} label={label} />
    </div>
  );
}
