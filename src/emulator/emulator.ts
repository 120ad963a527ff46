import { SqlParseError } from '../sql/errors.js';
import { parseStatement } from '../sql/parse-statement.js';
import type { StatementAst } from '../sql/ast.js';
import { defaultCatalog, type CatalogStore, type Item } from './catalog/store.js';
import { writeContainers, writeItems, writeSettings } from './catalog/writer.js';
import { runControlCommand } from './control-commands.js';
import { DdlExecutor } from './ddl/executor.js';
import { echoStatement, redactStatement } from './ddl/echo.js';
import { dependenciesOf, itemRows } from './catalog/item-rows.js';
import { saveState } from './state-file.js';
import type { DdlHost } from './ddl/host.js';
import type { ControlHost } from './control-commands.js';
import type { SaveTargets } from './save-targets.js';
import type { Engine } from './engine.js';
import { MzError, SQLSTATE } from './errors.js';
import { FaultInjector } from './faults.js';
import { QueryLog } from './query-log.js';
import { describeShow, runShow } from './show.js';
import type { Outcome, SessionHost, SessionVars } from './session.js';
import type { EmulatorSettings } from './settings.js';

/** The Materialize version whose forms the emulator follows (SHOW CREATE is multi-line from 26.7 on). */
export const EMULATED_VERSION = 'v26.7.0';
export const EMULATED_VERSION_NUM = '2600700';

/**
 * The emulator's shared state: the catalog, the engine that serves it, the
 * test hooks, and the statement handlers every client session calls.
 */
export class Emulator implements SessionHost, DdlHost, ControlHost {
  readonly log = new QueryLog();
  readonly faults = new FaultInjector();
  /** Set at start: what `EMULATOR SAVE` from a client may write. */
  saveTargets: SaveTargets = {};
  readonly defaultVars: ReadonlyMap<string, string>;
  readonly ddl: DdlExecutor;

  constructor(
    readonly engine: Engine,
    public store: CatalogStore,
    readonly settings: EmulatorSettings,
  ) {
    this.defaultVars = new Map([
      ['server_version', '9.5.0'],
      ['server_version_num', '90500'],
      ['server_encoding', 'UTF8'],
      ['client_encoding', 'UTF8'],
      ['datestyle', 'ISO, MDY'],
      ['timezone', 'UTC'],
      ['integer_datetimes', 'on'],
      ['standard_conforming_strings', 'on'],
      ['application_name', ''],
      ['is_superuser', 'off'],
      ['mz_version', `${EMULATED_VERSION} (emulator)`],
      ['cluster', 'quickstart'],
      ['cluster_replica', ''],
      ['database', 'materialize'],
      ['search_path', 'public'],
      ['transaction_isolation', 'strict serializable'],
      ['statement_timeout', '10 s'],
      ['idle_in_transaction_session_timeout', '2 min'],
      ['extra_float_digits', '3'],
      ['intervalstyle', 'postgres'],
      ['enable_session_rbac_checks', 'off'],
    ]);
    this.ddl = new DdlExecutor(this);
  }

  /** Writes the whole catalog into the engine: at start and after loading a state file. */
  async writeAll(): Promise<void> {
    await writeSettings(this.engine, {
      mz_version: `${EMULATED_VERSION} (emulator)`,
      mz_version_num: EMULATED_VERSION_NUM,
      environment_id: this.settings.environmentId,
    });
    await writeContainers(this.engine, this.store);
    await this.engine.exclusive(async (db) => {
      for (const table of ['mz_catalog.mz_secrets', 'mz_catalog.mz_connections', 'mz_catalog.mz_sources']) await db.query(`DELETE FROM ${table}`);
    });
    await this.writeItems([...this.store.items.keys()]);
  }

  writeItems(ids: Iterable<string>): Promise<void> {
    return writeItems(this.engine, this.store, ids, (id) => itemRows(this.store, this.settings, id));
  }

  writeContainers(): Promise<void> {
    return writeContainers(this.engine, this.store);
  }

  /** Replaces the catalog (loading a state file). */
  async replaceStore(store: CatalogStore): Promise<void> {
    const previous = [...this.store.items.keys()];
    this.store = store;
    await this.writeItems(previous);
    await this.writeAll();
  }

  static fresh(engine: Engine, settings: EmulatorSettings): Emulator {
    return new Emulator(engine, defaultCatalog(), settings);
  }

  async save(file: string): Promise<void> {
    await saveState(file, this.store, this.settings);
  }

  // ---------------------------------------------------------------------------
  // DdlHost

  dependentsOf(id: string): string[] {
    const out: string[] = [];
    for (const item of this.store.items.values()) if (dependenciesOf(item).includes(id)) out.push(item.id);
    return out;
  }

  transitiveDependents(id: string): string[] {
    const seen = new Set<string>();
    const visit = (target: string) => {
      for (const dependent of this.dependentsOf(target)) {
        const item = this.store.items.get(dependent);
        // A progress collection goes with its source; it never blocks a drop.
        if (item?.kind === 'source' && item.type === 'progress') continue;
        if (seen.has(dependent)) continue;
        seen.add(dependent);
        visit(dependent);
      }
    };
    visit(id);
    return [...seen].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  }

  ownedBy(id: string): Item[] {
    return [...this.store.items.values()].filter((i) => i.kind === 'source' && i.type === 'progress' && i.parentId === id);
  }

  ownerId(vars: SessionVars): string {
    const user = vars.get('user') ?? 'materialize';
    return this.store.roleByName(user)?.id ?? 'u1';
  }

  // ---------------------------------------------------------------------------
  // SessionHost

  async runDdl(text: string, vars: SessionVars): Promise<Outcome> {
    return this.ddl.execute(parseDdl(text), vars);
  }

  checkDdl(text: string): { batchable: boolean } {
    const ast = parseDdl(text);
    return { batchable: ast.kind === 'create_source' || ast.kind === 'rename' };
  }

  runShow(text: string, vars: SessionVars): Promise<Outcome> {
    return runShow(this, text, vars);
  }

  describeShow(text: string): readonly string[] {
    return describeShow(text);
  }

  runControl(text: string): Promise<Outcome> {
    return runControlCommand(this, text);
  }

  echo(text: string): string {
    return echoStatement(this.store, text);
  }

  redact(text: string): string {
    return redactStatement(text);
  }
}

/** Parses one statement, turning parse errors into Materialize's syntax error (42601). */
export function parseDdl(text: string): StatementAst {
  try {
    return parseStatement(text);
  } catch (err) {
    if (err instanceof SqlParseError) throw new MzError(err.reason, { sqlstate: SQLSTATE.syntaxError });
    throw err;
  }
}
