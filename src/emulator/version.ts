import { DEFAULT_VERSION } from './settings.js';

/** The Materialize version whose forms the emulator follows by default (the `version` setting picks another). */
export const EMULATED_VERSION = DEFAULT_VERSION;

/** A new session's variables, as Materialize reports them. */
export function defaultVariables(version: string = EMULATED_VERSION): ReadonlyMap<string, string> {
  return new Map([
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
    ['mz_version', `${version} (emulator)`],
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
}
