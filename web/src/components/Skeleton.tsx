type SkeletonTableProps = { rows?: number; columns: number };

/** Placeholder rows in the table's own shape, so the page does not jump when data arrives. */
export function SkeletonRows({ rows = 6, columns }: SkeletonTableProps) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <tr key={r} class="skeleton-row">
          {Array.from({ length: columns }, (_, c) => (
            <td key={c}>
              <span class="skeleton" style={{ width: `${40 + ((r * 7 + c * 13) % 45)}%` }} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

export function SkeletonBlock({
  height = 16,
  width = "100%",
}: {
  height?: number;
  width?: string;
}) {
  return <span class="skeleton skeleton-block" style={{ height: `${height}px`, width }} />;
}
