/**
 * The hidden first line of a plan comment. A workflow finds the comment it
 * posted before by this line and updates it, so a pull request carries one
 * plan comment per manifest and environment however often the job runs:
 *
 *     <!-- mzform:plan manifest=materialize.yaml env=production -->
 *
 * Both values are percent-encoded (slashes kept) so that no path or name can
 * end the HTML comment or add a field.
 */
export interface MarkerKey {
  /** The manifest path as given to `-f`, relative to the repository root. */
  readonly manifest: string;
  /** The environment the plan is for; `default` when none is named. */
  readonly environment: string;
}

export const DEFAULT_ENVIRONMENT = 'default';

export function planCommentMarker(key: MarkerKey): string {
  return `<!-- mzform:plan manifest=${encodePart(normalizeManifestPath(key.manifest))} env=${encodePart(key.environment)} -->`;
}

/** The marker of a drift issue: one open issue per manifest and environment. */
export function driftIssueMarker(key: MarkerKey): string {
  return `<!-- mzform:drift manifest=${encodePart(normalizeManifestPath(key.manifest))} env=${encodePart(key.environment)} -->`;
}

/** Whether a comment or issue body was made with this marker: it must be the body's first line, exactly. */
export function bodyHasMarker(body: string | null | undefined, marker: string): boolean {
  if (typeof body !== 'string') return false;
  const firstLine = body.split('\n', 1)[0] ?? '';
  return firstLine.replace(/\r$/, '') === marker;
}

/** `./config/materialize.yaml` and `config\materialize.yaml` name the same manifest as `config/materialize.yaml`. */
function normalizeManifestPath(path: string): string {
  return path.replaceAll('\\', '/').replace(/^(\.\/)+/, '');
}

function encodePart(value: string): string {
  return encodeURIComponent(value).replaceAll('%2F', '/');
}
