/** The Materialize version whose forms the emulator follows (SHOW CREATE is multi-line from 26.7 on). */
export const EMULATED_VERSION = 'v26.7.0';
export const EMULATED_VERSION_NUM = '2600700';

/** A new session's variables, as Materialize reports them. */
export function defaultVariables(): ReadonlyMap<string, string> {
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
}
