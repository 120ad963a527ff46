import { uncheckedValuesNote } from '../diff/index.js';
import { displayName, terminalSafeDeep } from '../model/index.js';
import { formatValue } from '../output/index.js';
import { DRIFT_FORMAT_VERSION, type DriftEntry, type DriftReport, hasDrift } from './drift-report.js';

const MARKS: Record<DriftEntry['kind'], string> = { changed: '~', missing: '-', unmanaged: '+', 'secret-value': '!', 'kind-changed': '~' };

/** One entry in plain words, as a headline and detail lines. */
function describeEntry(entry: DriftEntry): { headline: string; details: string[] } {
  const object = `${entry.objectKind} ${displayName(entry.name)}`;
  switch (entry.kind) {
    case 'changed':
      return {
        headline: `${object} was changed outside the manifest:`,
        details: entry.fields.map((f) => `${f.field}: the manifest says ${formatValue(f.manifest)}, Materialize has ${formatValue(f.live)}`),
      };
    case 'missing':
      return { headline: `${object} is in the manifest but not in Materialize: it was dropped outside mzform, or never applied.`, details: [] };
    case 'unmanaged':
      return { headline: `${object} (${entry.id}) was created outside the manifest, in a schema it manages.`, details: [] };
    case 'secret-value':
      return {
        headline:
          entry.state === 'changed'
            ? `${object}: its value no longer matches the manifest (the fingerprint mzform stored differs): it was set outside mzform, or the manifest's value changed.`
            : `${object}: no fingerprint is stored, so whether its value matches the manifest is unknown (it was set outside mzform, or without MZFORM_FINGERPRINT_KEY).`,
        details: [],
      };
    case 'kind-changed':
      return { headline: `${object}: Materialize holds a ${entry.live} under this name.`, details: [] };
  }
}

function summary(report: DriftReport): string {
  if (!hasDrift(report)) return `No drift: Materialize matches ${report.manifest}.`;
  const n = report.entries.length;
  return `Drift: ${n} ${n === 1 ? 'difference' : 'differences'} between ${report.manifest} and Materialize.`;
}

const NOT_COMPARED = 'MZFORM_FINGERPRINT_KEY is not set: secret values were not compared.';
const NEXT = 'Run `mzform plan` to see the statements that would bring Materialize back to the manifest, or update the manifest to accept the change.';

/** Plain text for a terminal or a CI log. Pure. */
export function renderDriftText(shown: DriftReport): string {
  const report = terminalSafeDeep(shown);
  const lines = [summary(report)];
  if (hasDrift(report)) lines.push('');
  for (const entry of report.entries) {
    const { headline, details } = describeEntry(entry);
    lines.push(`${MARKS[entry.kind]} ${headline}`, ...details.map((d) => `    ${d}`));
  }
  if (!report.secretsCompared) lines.push('', `Warning: ${NOT_COMPARED}`);
  const notChecked = uncheckedValuesNote(report.valuesNotChecked);
  if (notChecked) lines.push('', `Note: ${notChecked}.`);
  if (hasDrift(report)) lines.push('', NEXT);
  return `${lines.join('\n')}\n`;
}

/** Markdown for an issue body or a job summary, with an optional hidden marker line first. Pure. */
export function renderDriftMarkdown(report: DriftReport, options: { marker?: string; subject?: string } = {}): string {
  const lines: string[] = [];
  if (options.marker !== undefined) lines.push(options.marker);
  lines.push(`## mzform drift${options.subject ? `: ${escape(options.subject)}` : ''}`, '', `**${escape(summary(report))}**`, '');
  for (const entry of report.entries) {
    const { headline, details } = describeEntry(entry);
    lines.push(`- \`${MARKS[entry.kind]}\` ${escape(headline)}`, ...details.map((d) => `  - ${escape(d)}`));
  }
  if (hasDrift(report)) lines.push('');
  if (!report.secretsCompared) lines.push(`> **Warning:** ${escape(NOT_COMPARED)}`, '');
  const notChecked = uncheckedValuesNote(report.valuesNotChecked);
  if (notChecked) lines.push(`> **Note:** ${escape(notChecked)}.`, '');
  // NEXT holds nothing Markdown would misread but its code span.
  if (hasDrift(report)) lines.push(NEXT, '');
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/**
 * A model value as plain JSON, as the plan file writes its before/after: strings stay strings,
 * names are objects, a secret value is only its source (SecretValue's toJSON). Not set: null.
 */
function jsonValue(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** The `--json` shape: versioned, values as JSON values (secret values never), as in the plan file. */
export function driftJson(report: DriftReport): Record<string, unknown> {
  return {
    format_version: DRIFT_FORMAT_VERSION,
    manifest: report.manifest,
    drift: hasDrift(report),
    secrets_compared: report.secretsCompared,
    secrets_not_checked: report.valuesNotChecked.map(displayName),
    entries: report.entries.map((e) => ({
      kind: e.kind,
      object_kind: e.objectKind,
      name: displayName(e.name),
      ...(e.kind === 'changed'
        ? { fields: e.fields.map((f) => ({ field: f.field, manifest: jsonValue(f.manifest), live: jsonValue(f.live) })) }
        : {}),
      ...(e.kind === 'unmanaged' ? { id: e.id } : {}),
      ...(e.kind === 'secret-value' ? { state: e.state } : {}),
      ...(e.kind === 'kind-changed' ? { live_kind: e.live } : {}),
      description: describeEntry(e).headline,
    })),
  };
}

function escape(text: string): string {
  return text.replace(/[\\`*_<>[\]|]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}
