import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { POINTS_TABLE } from "@/lib/scoring/points";
import { formatPoints } from "./score-bars";

/** The points-v1 table, feature by feature: its range of points and its rule. */
export function PointsTable() {
  return (
    <div className="overflow-x-auto">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">Feature</TableHead>
            <TableHead scope="col">Points</TableHead>
            <TableHead scope="col">Rule</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {POINTS_TABLE.map((row) => (
            <TableRow key={row.feature}>
              <TableCell className="font-medium">{row.label}</TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">{row.range[0] === row.range[1] ? String(row.range[0]) : `${formatPoints(row.range[0])} to ${formatPoints(row.range[1])}`}</TableCell>
              <TableCell className="min-w-40 whitespace-normal">{row.rule}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
