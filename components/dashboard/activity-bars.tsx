/** A compact bar chart of changes per day; plain markup, readable without JavaScript. */
export function ActivityBars({ data }: { data: { day: string; count: number }[] }) {
  const max = Math.max(1, ...data.map((d) => d.count));
  const total = data.reduce((sum, d) => sum + d.count, 0);
  return (
    <figure className="grid gap-2">
      <div className="flex h-28 items-end gap-1" role="img" aria-label={`${total} changes over the last ${data.length} days`}>
        {data.map((d) => (
          <div key={d.day} className="group relative flex h-full flex-1 flex-col justify-end">
            <div
              className="rounded-sm bg-primary/80 transition-colors group-hover:bg-primary"
              style={{ height: `${Math.max(d.count ? 6 : 2, (d.count / max) * 100)}%`, opacity: d.count ? 1 : 0.25 }}
              title={`${d.day}: ${d.count} change${d.count === 1 ? "" : "s"}`}
            />
          </div>
        ))}
      </div>
      <figcaption className="flex justify-between text-xs text-muted-foreground">
        <span>{data[0]?.day}</span>
        <span>{total} change{total === 1 ? "" : "s"} in {data.length} days (UTC)</span>
        <span>{data[data.length - 1]?.day}</span>
      </figcaption>
    </figure>
  );
}
