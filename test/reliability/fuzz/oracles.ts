import { ManifestError, parseManifest } from '../../../src/manifest/index.js';
import type { ActualState } from '../../../src/model/index.js';
import { renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../../src/output/index.js';
import { planChanges } from '../../../src/pipeline/index.js';
import { serializePlan } from '../../../src/plan/index.js';
import { parseCreateSql, parseStatement, SqlParseError } from '../../../src/sql/index.js';
import { CANARY, CANARY_ENV, canaryFile } from './canary.js';

/** An input that broke a rule: thrown by an oracle, reported with the input that caused it. */
export class OracleViolation extends Error {
  override name = 'OracleViolation';
}

const EMPTY: ActualState = { objects: [], foreign: [] };
export const FUZZ_FILE = 'fuzz.yaml';

function check(condition: boolean, message: string): void {
  if (!condition) throw new OracleViolation(message);
}

function noCanary(text: string, where: string): void {
  check(!text.includes(CANARY), `a secret value appears in ${where}`);
}

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

/** A position must point inside the text (one past the last line for "unexpected end"). */
function checkPosition(lines: number, line: unknown, column: unknown, what: string): void {
  check(Number.isInteger(line) && (line as number) >= 1 && (line as number) <= lines + 1, `${what}: line ${String(line)} is outside the input (${lines} lines)`);
  check(Number.isInteger(column) && (column as number) >= 1, `${what}: column ${String(column)} is not a 1-based column`);
}

/**
 * Manifest text → `error` (a ManifestError whose every diagnostic names the
 * file, a line and a column inside the input) or `plan` (a plan from empty
 * that renders in every format, creates every object, and whose every
 * statement mzform's own parser reads back). Anything else is a violation.
 */
export function manifestOracle(text: string): 'error' | 'plan' {
  let desired;
  try {
    desired = parseManifest(text, FUZZ_FILE, CANARY_ENV, canaryFile);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    check(error.diagnostics.length > 0, 'ManifestError without a diagnostic');
    const lines = lineCount(text);
    for (const d of error.diagnostics) {
      check(d.file === FUZZ_FILE, `diagnostic names ${d.file}, not the manifest`);
      checkPosition(lines, d.line, d.column, `diagnostic "${d.message}"`);
      check(d.message.trim() !== '', 'diagnostic without a message');
    }
    noCanary(error.message, 'a manifest error');
    return 'error';
  }
  const plan = planChanges(desired, EMPTY, { env: CANARY_ENV });
  check(plan.summary.create === desired.objects.length, `plan from empty creates ${plan.summary.create} of ${desired.objects.length} objects`);
  noCanary(renderPlanText(plan), 'the text plan');
  noCanary(renderPlanMarkdown(plan), 'the markdown plan');
  noCanary(renderPlanJson(plan), 'the json plan');
  noCanary(serializePlan(plan), 'the plan file');
  for (const step of plan.steps) {
    for (const st of step.statements) {
      noCanary(st.sql, 'a statement');
      try {
        const parsed = parseStatement(st.sql);
        if (parsed.kind.startsWith('create_')) parseCreateSql(st.sql, { defaultDatabase: 'materialize', defaultSchema: 'public' });
      } catch (error) {
        throw new OracleViolation(`mzform cannot read back its own statement ${st.sql.slice(0, 200)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return 'plan';
}

/** A CREATE statement → `model` or `error` (a SqlParseError positioned inside the input); anything else is a violation. */
export function createSqlOracle(sql: string): 'model' | 'error' {
  try {
    parseCreateSql(sql, {
      defaultDatabase: 'materialize',
      defaultSchema: 'public',
      resolveCluster: (id) => (id.startsWith('u') ? `cluster_${id}` : undefined),
      defaultCluster: 'quickstart',
    });
    return 'model';
  } catch (error) {
    if (!(error instanceof SqlParseError)) throw error;
    checkPosition(lineCount(sql), error.line, error.column, `parse error "${error.reason}"`);
    check(Number.isInteger(error.offset) && error.offset >= 0 && error.offset <= sql.length, `parse error offset ${error.offset} outside the input`);
    return 'error';
  }
}
