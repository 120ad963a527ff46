import type { DocPath } from './yaml-document.js';

/**
 * Per-environment values, declared once and selected at run time.
 *
 *     variables:                 # defaults, for every environment
 *       broker_port: 9092
 *     environments:
 *       staging:
 *         variables:
 *           bastion_host: bastion.staging.internal
 *           kafka_password: ${env:STAGING_KAFKA_PASSWORD}
 *       production:
 *         variables:
 *           bastion_host: ${env:PROD_BASTION_HOST}
 *           kafka_password: ${env:PROD_KAFKA_PASSWORD}
 *
 * `${var:name}` then stands for the selected environment's value, or the
 * default. This is Terraform's variables with one tfvars file per workspace,
 * Pulumi's per-stack config and mz-deploy's profiles reduced to one idea: a
 * name whose value depends on the environment. Values may be text, numbers,
 * booleans or lists (broker lists); a field that is exactly `${var:name}`
 * takes the value with its type.
 */
export interface VariableDefinition {
  readonly name: string;
  /** As written: `${env:...}` and `${file:...}` inside are resolved where it is used. */
  readonly value: unknown;
  /** The manifest file (by index) and path it was written at. */
  readonly unit: number;
  readonly path: DocPath;
  /** Absent for a default (top-level `variables:`). */
  readonly environment?: string;
}

export interface VariableProblem {
  readonly unit: number;
  readonly path: DocPath;
  readonly target: 'key' | 'value';
  readonly message: string;
}

export interface Variables {
  /** Every environment any file declares, sorted. */
  readonly environments: readonly string[];
  /** The environment chosen (only when the manifest declares environments). */
  readonly selected?: string;
  lookup(name: string): VariableDefinition | undefined;
}

export interface VariableSource {
  readonly file: string;
  /** The file's plain value (mapping at the top); anything else declares nothing. */
  readonly value: unknown;
}

/**
 * Collects `variables:` and `environments:` across every file of the
 * manifest, selects `requested`, and reports: a name declared twice (naming
 * both files), an environment that is not declared, and no environment chosen
 * when some are declared.
 */
export function collectVariables(
  sources: readonly VariableSource[],
  requested: string | undefined,
  lineOf: (unit: number, path: DocPath) => number,
): { variables: Variables; problems: VariableProblem[] } {
  const problems: VariableProblem[] = [];
  const defaults = new Map<string, VariableDefinition>();
  const perEnvironment = new Map<string, Map<string, VariableDefinition>>();
  const firstEnvironmentsKey: { unit: number } | undefined = sources
    .map((s, unit) => ({ unit, has: isMapping(s.value) && isMapping(s.value.environments) }))
    .find((s) => s.has);

  const add = (into: Map<string, VariableDefinition>, def: VariableDefinition) => {
    const first = into.get(def.name);
    if (first) {
      const where = `${first.unit === def.unit ? 'line ' : `${sources[first.unit]!.file}:`}${lineOf(first.unit, first.path)}`;
      const scope = def.environment ? ` for environment ${def.environment}` : '';
      problems.push({ unit: def.unit, path: def.path, target: 'key', message: `variable ${def.name}${scope} is already declared (${where})` });
      return;
    }
    into.set(def.name, def);
  };

  sources.forEach((source, unit) => {
    if (!isMapping(source.value)) return;
    if (isMapping(source.value.variables)) {
      for (const [name, value] of Object.entries(source.value.variables)) add(defaults, { name, value, unit, path: ['variables', name] });
    }
    if (isMapping(source.value.environments)) {
      for (const [environment, body] of Object.entries(source.value.environments)) {
        const vars = perEnvironment.get(environment) ?? new Map<string, VariableDefinition>();
        perEnvironment.set(environment, vars);
        if (!isMapping(body) || !isMapping(body.variables)) continue;
        for (const [name, value] of Object.entries(body.variables)) {
          add(vars, { name, value, unit, path: ['environments', environment, 'variables', name], environment });
        }
      }
    }
  });

  const environments = [...perEnvironment.keys()].sort();
  let selected: string | undefined;
  if (environments.length > 0 && firstEnvironmentsKey) {
    const at = { unit: firstEnvironmentsKey.unit, path: ['environments'], target: 'key' as const };
    if (requested === undefined) {
      problems.push({ ...at, message: `the manifest declares environments (${environments.join(', ')}): choose one with --environment` });
    } else if (!perEnvironment.has(requested)) {
      problems.push({ ...at, message: `environment ${requested} is not declared (declared: ${environments.join(', ')})` });
    } else {
      selected = requested;
    }
  }
  const chosen = selected === undefined ? undefined : perEnvironment.get(selected);
  return {
    variables: {
      environments,
      ...(selected !== undefined ? { selected } : {}),
      lookup: (name) => chosen?.get(name) ?? defaults.get(name),
    },
    problems,
  };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
