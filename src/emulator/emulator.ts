import { defaultCatalog, type CatalogStore } from './catalog/store.js';
import { itemRows } from './catalog/item-rows.js';
import { Catalog } from './catalog/transaction.js';
import { EngineRowWriter, writeSettings } from './catalog/writer.js';
import { runControlCommand, type ControlHost } from './control-commands.js';
import type { SaveTargets } from './save-targets.js';
import { planStatement } from './ddl/planners.js';
import type { Engine } from './engine.js';
import { runLifecycleCommand } from './lifecycle/commands.js';
import { Lifecycle } from './lifecycle/lifecycle.js';
import { observedBy } from './lifecycle/observing-writer.js';
import { FaultInjector } from './faults.js';
import type { Outcome, SessionVars } from './outcome.js';
import { parseRelationStatement } from './objects/statements.js';
import { sessionRoleId } from './ddl/names.js';
import { parseDdl } from './parse.js';
import { echoStatement, redactStatement } from './print/echo.js';
import { QueryLog } from './query-log.js';
import type { SessionHost } from './session/session.js';
import { versionNumber, type EmulatorSettings } from './settings.js';
import { describeShow, runShow } from './show.js';
import { SystemVars } from './system/system-vars.js';
import { saveState } from './state-file.js';
import { defaultVariables } from './version.js';

/**
 * The emulator's shared state: the catalog, the engine that serves it, the
 * test hooks. Every client session hands it statements: DDL is parsed,
 * planned against the catalog, and the plan's operations applied in one
 * catalog transaction.
 */
export class Emulator implements SessionHost, ControlHost {
  readonly log = new QueryLog();
  readonly faults = new FaultInjector();
  /** Set at start: what `EMULATOR SAVE` from a client may write. */
  saveTargets: SaveTargets = {};
  readonly defaultVars: ReadonlyMap<string, string>;
  readonly catalog: Catalog;
  readonly lifecycle: Lifecycle = new Lifecycle(this);
  /** `ALTER SYSTEM` settings (feature flags); kept for the emulator's lifetime, not in a state file. */

  constructor(
    readonly engine: Engine,
    store: CatalogStore,
    readonly settings: EmulatorSettings,
    /** `ALTER SYSTEM` settings (feature flags); kept in the state file. */
    readonly systemVars: SystemVars = new SystemVars(),
  ) {
    this.defaultVars = defaultVariables(settings.version);
    this.catalog = new Catalog(store, observedBy(new EngineRowWriter(engine), this.lifecycle), (s, id) => itemRows(s, settings, id));
  }

  static fresh(engine: Engine, settings: EmulatorSettings, store: CatalogStore = defaultCatalog(), systemVars?: SystemVars): Emulator {
    return new Emulator(engine, store, settings, systemVars);
  }

  get store(): CatalogStore {
    return this.catalog.store;
  }

  /** Writes the whole catalog into the engine: at start (fresh, or loaded from a state file). */
  async writeAll(): Promise<void> {
    await writeSettings(this.engine, {
      mz_version: `${this.settings.version} (emulator)`,
      mz_version_num: versionNumber(this.settings.version),
      environment_id: this.settings.environmentId,
    });
    await this.catalog.writeAll();
    // Rows written in bulk (a loaded state file) leave the engine without statistics (see analyzeWhenGrown).
    if (this.store.items.size > 0) {
      this.#analyzedAt = this.store.items.size;
      await this.engine.exclusive((db) => db.exec('ANALYZE'));
    }
  }

  async save(file: string): Promise<void> {
    await this.catalog.read((store) => saveState(file, store, this.settings, this.systemVars));
  }

  // ---------------------------------------------------------------------------
  // SessionHost

  async runDdl(text: string, vars: SessionVars): Promise<Outcome> {
    const statement = parseRelationStatement(text) ?? parseDdl(text);
    const plan = await this.catalog.transact((store) => planStatement({ store, settings: this.settings, systemVars: this.systemVars, vars }, statement));
    await this.analyzeWhenGrown();
    return { tag: plan.tag, ...(plan.notices ? { notices: plan.notices } : {}) };
  }

  /** How many items the catalog held at the engine's last ANALYZE. */
  #analyzedAt = 0;

  /**
   * The embedded Postgres runs no autovacuum, so its planner would keep the
   * statistics of an empty catalog: it then joins mz_object_dependencies with
   * mz_objects by nested loops, and a plan's dependency query took 14 s at
   * 5,000 objects and 138 s at 10,000. As autovacuum would, statistics are
   * taken again whenever the catalog has grown well past the last count
   * (doubling, so an apply of n objects pays for about two ANALYZEs of n).
   */
  private async analyzeWhenGrown(): Promise<void> {
    const items = this.store.items.size;
    if (items < 2 * this.#analyzedAt + 100) return;
    this.#analyzedAt = items;
    await this.engine.exclusive((db) => db.exec('ANALYZE'));
  }

  checkDdl(text: string): { batchable: boolean } {
    const ast = parseRelationStatement(text) ?? parseDdl(text);
    // Only these may share a transaction (src/adapter/src/coord/command_handler.rs; doc/user/content/sql/create-table.md "DDL transaction block").
    return { batchable: ast.kind === 'create_source' || ast.kind === 'create_table_from_source' || ast.kind === 'rename' };
  }

  runShow(text: string, vars: SessionVars): Promise<Outcome> {
    const statement = parseDdl(text);
    return this.catalog.read((store) => runShow(store, statement, vars));
  }

  async runAlterSystem(text: string): Promise<Outcome> {
    return this.systemVars.alter(text);
  }

  sessionRole(vars: SessionVars): Promise<string> {
    return this.catalog.read((store) => store.roles.get(sessionRoleId(store, vars))?.name ?? 'materialize');
  }

  describeShow(text: string): readonly string[] {
    return describeShow(parseDdl(text));
  }

  async runControl(text: string): Promise<Outcome> {
    const outcome = (await runLifecycleCommand(this.lifecycle, this.settings.lifecycle, text)) ?? (await runControlCommand(this, text));
    await this.lifecycle.reconcile();
    return outcome;
  }

  echo(text: string): string {
    return echoStatement(this.store, text);
  }

  redact(text: string): string {
    return redactStatement(text);
  }
}
