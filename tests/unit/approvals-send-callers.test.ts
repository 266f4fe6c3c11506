/**
 * Nothing sends a draft that no person approved. The send path is sendMessage, its keyword
 * confirmation and deliver (lib/outbound); this walks every source file, finds every import
 * of them, and holds the callers to a known list. Drafts are read only in lib/approvals, where
 * approveDraft alone sends, after claiming the draft for a person; and approveDraft is called
 * only from app/ (a signed-in person's action or a user-bound API key's route).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE_DIRS = ["app", "lib", "inngest", "cli", "components", "prisma", "scripts", "bench"];
const SEND_MODULES = new Set(["lib/outbound/index", "lib/outbound/service", "lib/outbound/delivery"]);
const SEND_FUNCTIONS = new Set(["sendMessage", "sendKeywordConfirmation", "deliver"]);

/** Every importer of the send path and what it takes from it, with why it may. */
const KNOWN_SEND_CALLERS: Record<string, string[]> = {
  // A person sends a message by hand from the deal page.
  "app/(app)/deals/[dealId]/message-actions.ts": ["sendMessage"],
  // The follow-up ladder's steps (the lead's own templates, every gate applies).
  "lib/ladder/sender.ts": ["sendMessage"],
  // A blast a person queued.
  "lib/blasts/sending.ts": ["sendMessage"],
  // A campaign a person started: each recipient through every gate.
  "lib/campaigns/runner.ts": ["sendMessage"],
  // A person's reply in a conversation thread.
  "lib/conversations/reply.ts": ["sendMessage"],
  // Drafts: approveDraft only.
  "lib/approvals/service.ts": ["sendMessage"],
  // STOP / START confirmations.
  "lib/outbound/events.ts": ["sendKeywordConfirmation"],
  // The core hands an allowed message to its provider.
  "lib/outbound/service.ts": ["deliver"],
};

function sourceFiles(dir: string): string[] {
  const absolute = path.join(ROOT, dir);
  let entries;
  try {
    entries = readdirSync(absolute, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "generated" ? [] : sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [relative] : [];
  });
}

/** The module an import names, as a path from the root without extension; null for a package. */
function resolveModule(fromFile: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return specifier.slice(2).replace(/\/index$/, "/index");
  if (specifier.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  return null;
}

function isSendModule(module: string | null): boolean {
  if (!module) return false;
  return SEND_MODULES.has(module) || SEND_MODULES.has(`${module}/index`);
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** The send functions a file imports (value imports only), including namespace and dynamic imports. */
function sendImports(file: string, source: ts.SourceFile): string[] {
  const found = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && isSendModule(resolveModule(file, node.moduleSpecifier.text))) {
      const clause = node.importClause;
      if (clause && !clause.isTypeOnly && clause.namedBindings) {
        if (ts.isNamespaceImport(clause.namedBindings)) found.add("* (namespace)");
        else for (const element of clause.namedBindings.elements) {
          const imported = (element.propertyName ?? element.name).text;
          if (!element.isTypeOnly && SEND_FUNCTIONS.has(imported)) found.add(imported);
        }
      }
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg) && isSendModule(resolveModule(file, arg.text))) found.add("import() (dynamic)");
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found].sort();
}

function mentions(source: ts.SourceFile, name: string): boolean {
  let seen = false;
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && node.text === name) seen = true;
    if (!seen) ts.forEachChild(node, visit);
  };
  visit(source);
  return seen;
}

function functionNamed(source: ts.SourceFile, name: string): ts.FunctionDeclaration {
  const found = source.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === name);
  if (!found?.body) throw new Error(`${name} not found`);
  return found;
}

function callsOf(node: ts.Node, name: string): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name) calls.push(n);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return calls;
}

const files = SOURCE_DIRS.flatMap(sourceFiles);
const parsed = new Map(files.map((file) => [file, parse(file)]));

describe("the send path's callers", () => {
  it("walks the sources", () => {
    expect(files.length).toBeGreaterThan(200);
    expect(files).toContain("lib/approvals/service.ts");
  });

  it("are exactly the known list", () => {
    const callers: Record<string, string[]> = {};
    for (const [file, source] of parsed) {
      const imported = sendImports(file, source);
      if (imported.length) callers[file] = imported;
    }
    expect(callers).toEqual(KNOWN_SEND_CALLERS);
  });

  it("read drafts only in lib/approvals/service.ts", () => {
    for (const file of Object.keys(KNOWN_SEND_CALLERS)) {
      expect({ file, readsDrafts: mentions(parsed.get(file)!, "emailDraft") }).toEqual({ file, readsDrafts: file === "lib/approvals/service.ts" });
    }
  });
});

describe("in lib/approvals", () => {
  const service = parsed.get("lib/approvals/service.ts")!;

  it("only service.ts imports the send path", () => {
    const importers = [...parsed.entries()].filter(([file, source]) => file.startsWith("lib/approvals/") && sendImports(file, source).length > 0).map(([file]) => file);
    expect(importers).toEqual(["lib/approvals/service.ts"]);
  });

  it("only approveDraft calls sendMessage, after refusing a call without a person and claiming the draft for them", () => {
    const all = callsOf(service, "sendMessage");
    const approve = functionNamed(service, "approveDraft");
    const inside = callsOf(approve, "sendMessage");
    expect(all.length).toBe(1);
    expect(inside).toEqual(all);

    const statements = approve.body!.statements;
    const first = statements[0].getText(service);
    expect(first).toMatch(/^if \(!actor\.actorId\) throw new ExpectedError\("forbidden"/);

    const text = approve.body!.getText(service);
    const claimAt = text.search(/updateMany\(\{\s*where: \{ id: draftId, status: "PENDING" \},\s*data: \{\s*status: "SENDING",\s*decidedById: approverId,/);
    expect(claimAt).toBeGreaterThan(0);
    const claimedCheck = text.indexOf('if (!claim.claimed) return { status: "ALREADY_DECIDED"');
    const sendAt = all[0].getStart(service) - approve.body!.getStart(service);
    expect(claimAt).toBeLessThan(claimedCheck);
    expect(claimedCheck).toBeLessThan(sendAt);
    // What is sent is the claimed draft, as the person who claimed it.
    const call = all[0].getText(service);
    expect(call).toMatch(/subject: draft\.subject, body: draft\.body, footer: "inline", actorId: approverId/);
    expect(text).toMatch(/const draft = claim\.draft;/);
  });

  it("approveDraft is called only from app/ (a person's action or a user-bound key's route)", () => {
    const callers = [...parsed.entries()].filter(([file, source]) => file !== "lib/approvals/service.ts" && callsOf(source, "approveDraft").length > 0).map(([file]) => file);
    expect(callers.length).toBeGreaterThan(0);
    expect(callers.filter((file) => !file.startsWith("app/"))).toEqual([]);
  });
});
