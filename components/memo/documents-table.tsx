import { Download } from "@/components/ui/icons";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export interface DocumentRow {
  id: string;
  version: number;
  fileName: string;
  size: number;
  createdAt: string;
  downloadUrl: string;
}

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("en-US")} KB`;

/** The deal's memos, newest first, each opened through its signed link. */
export function DocumentsTable({ documents, timeZone }: { documents: DocumentRow[]; timeZone: string }) {
  const when = new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "short" });
  return (
    <Table>
      <caption className="sr-only">Investor memos of this deal, newest first</caption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Version</TableHead>
          <TableHead scope="col">Generated</TableHead>
          <TableHead scope="col" className="hidden sm:table-cell">Size</TableHead>
          <TableHead scope="col"><span className="sr-only">Open</span></TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {documents.map((d) => (
          <TableRow key={d.id}>
            <TableCell className="font-medium">Memo v{d.version}</TableCell>
            <TableCell>{when.format(new Date(d.createdAt))}</TableCell>
            <TableCell className="hidden tabular-nums sm:table-cell">{kilobytes(d.size)}</TableCell>
            <TableCell className="text-right">
              <a
                href={d.downloadUrl}
                target="_blank"
                rel="noopener"
                className="inline-flex items-center gap-1 rounded-sm text-sm font-medium text-primary underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2"
              >
                <Download className="size-4" aria-hidden /> Open<span className="sr-only"> memo version {d.version} (PDF)</span>
              </a>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
