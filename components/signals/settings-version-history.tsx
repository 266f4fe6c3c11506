import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export interface VersionRow {
  id: string;
  version: number;
  source: string;
  experimentId: string | null;
  threshold: number;
  who: string;
  /** Already formatted in the workspace's time zone, with its label. */
  when: string;
}

const SOURCE_LABELS: Record<string, string> = { settings: "Settings", laboratory: "Laboratory" };

export function SettingsVersionHistory({ versions }: { versions: VersionRow[] }) {
  if (versions.length === 0) {
    return <p className="text-sm text-muted-foreground">No saved versions yet: the seeded defaults (version 0) are in force. Save the form above, or promote a laboratory experiment, to create version 1.</p>;
  }
  return (
    <Table aria-label="Settings versions">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Version</TableHead>
          <TableHead scope="col">Source</TableHead>
          <TableHead scope="col">Threshold</TableHead>
          <TableHead scope="col">By</TableHead>
          <TableHead scope="col">When</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {versions.map((v) => (
          <TableRow key={v.id}>
            <TableCell className="font-medium">{v.version}</TableCell>
            <TableCell>
              {SOURCE_LABELS[v.source] ?? v.source}
              {v.experimentId && (
                <>
                  {" "}(<Link className="underline underline-offset-2" href={`/laboratory/${v.experimentId}`}>experiment</Link>)
                </>
              )}
            </TableCell>
            <TableCell>{v.threshold}</TableCell>
            <TableCell>{v.who}</TableCell>
            <TableCell className="whitespace-nowrap">{v.when}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
