import { commands, UsageError } from "./commands";

const USAGE = `Usage: dealflow <command> [options]
  parse-email [--file F]                 parse a deal email (stdin when no file)
  geo <ZIP or postal code>               country, region, market and time zone
  underwrite --arv N --repairs N --asking N [--multiplier 0.7] [--fees-buffer 2500] [--assignment-fee 10000] [--negotiation-margin 5000]
  can-contact --region XX [--market M] [--postal-code P] [--time-zone Z] --at <ISO instant> --channel SMS|CALL|EMAIL --score S
  ladder-schedule --region XX [--postal-code P] [--time-zone Z] --start <ISO instant> [--score S]
                                         the default ladder's steps and times under the seeded policies
  import-csv --tenant <slug> <file>      import a lead list (embedded database, or DATABASE_URL)
  underwrite-pending --tenant <slug>     underwrite deals waiting for an offer
  match-buyers --file F [--now T]        rank the buyers of F ({ deal, buyers }) whose buy box admits the deal
  match-buyers --tenant <slug> --deal <id> [--now T]
                                         the same against the workspace's buyers
  liquidity-score --tenant <slug> --region XX --market M [--property-type T]
                                         a buyer liquidity node's figures and score
  approvals --tenant <slug>              the drafted emails waiting for approval, as JSON
  intent-score --file F                  the intent score of F ({ now, weights, halfLifeHours, signals: [{ type, at, dedupeKey? }] })
  comps --file F                         the comps of F's subject among its candidates ({ subject, candidates, asOf? }): { comps, arv, low, high, confidence }
  score --file F                         the lead score of F's features ({ spreadRatio, motivationWords, text?, repairsRatio, daysSinceIntake, listCount, hasPhone, hasEmail, hasConsent, marketRank, source }) under the points table: { score, contributions }
  market-areas --tenant <slug> [--rank HOT|NORMAL|COLD|BLACKLIST] [--region XX] [--market M]
                                         the workspace's postal areas with their metrics and rank, as JSON
  rank-area --file F                     rank one area from a JSON of its metrics (default thresholds): { rank, reasons }
  throttle --file F                      outbound control's decision for a sender's figures ({ stats: { status, rate, last24h, last7d }, policy? }): { action, rate, reasons }
  memo --tenant <slug> --deal <id> --out memo.pdf
                                         generate a new version of the deal's investor memo (stored and audited) and write the PDF
  privacy-erase --tenant <slug> --contact <phone or email>
                                         erase a person now; prints rows erased per table
  privacy-export --tenant <slug> --contact <phone or email>
                                         print everything held about a person as JSON
  credentials-rotate                     re-encrypt every workspace's provider credentials under the newest CREDENTIALS_KEY
  govcon-sync --tenant <slug>            one SAM.gov sync now (the fixture feed without a key): { requests, fetched, new, amended, budgetLeft }
  bid-fit --file F                       the bid fit of F's SAM.gov notice against its profile ({ notice, profile, now }): { score, reasons }`;

async function main() {
  const [name, ...args] = process.argv.slice(2);
  if (!name || name === "--help" || name === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command "${name}" (try: dealflow --help)`);
  const result = await command(args);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`dealflow: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`dealflow: ${(error as Error).message ?? String(error)}\n`);
    process.exit(1);
  },
);
