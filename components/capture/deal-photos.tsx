/** A deal's photos as a small gallery; each opens full size in a new tab. */
export function DealPhotos({ photos }: { photos: { id: string; fileName: string; url: string }[] }) {
  if (photos.length === 0) return <p className="text-sm text-muted-foreground">No photos yet. Photos taken with Capture appear here.</p>;
  return (
    <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4" aria-label="Photos">
      {photos.map((photo, index) => (
        <li key={photo.id}>
          <a href={photo.url} target="_blank" rel="noopener" className="block overflow-hidden rounded-md border focus-visible:outline-2 focus-visible:outline-ring">
            {/* eslint-disable-next-line @next/next/no-img-element -- served by /api/files to members only; the image optimizer would not carry the session */}
            <img src={photo.url} alt={`Photo ${index + 1} of ${photos.length}: ${photo.fileName}`} loading="lazy" className="aspect-square w-full object-cover" />
          </a>
        </li>
      ))}
    </ul>
  );
}
