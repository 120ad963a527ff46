import type { Database } from '../db/index.js';
import type { ActualState } from '../model/index.js';
import {
  AWS_QUERY,
  COMMENTS_QUERY,
  CONTAINERS_QUERY,
  DEPENDENCIES_QUERY,
  OBJECTS_QUERY,
  PRIVATELINK_QUERY,
  SSH_KEYS_QUERY,
  type AwsRow,
  type CatalogRows,
  type CommentRow,
  type ContainerRow,
  type DependencyRow,
  type ObjectRow,
  type PrivatelinkRow,
  type SshKeyRow,
} from './queries.js';
import { type ToActualStateOptions, toActualState } from './to-actual-state.js';

/**
 * Reads the catalog in a fixed number of queries (seven), whatever the number
 * of objects, one after the other on one connection.
 */
export async function introspect(db: Database, options: ToActualStateOptions = {}): Promise<ActualState> {
  return toActualState(await readCatalogRows(db), options);
}

/** The raw rows of the seven queries: what `toActualState` reads, and what `mzform catalog dump` saves. */
export async function readCatalogRows(db: Database): Promise<CatalogRows> {
  const objects = await db.query<ObjectRow>(OBJECTS_QUERY);
  const comments = await db.query<CommentRow>(COMMENTS_QUERY);
  const dependencies = await db.query<DependencyRow>(DEPENDENCIES_QUERY);
  const sshKeys = await db.query<SshKeyRow>(SSH_KEYS_QUERY);
  const privatelinks = await db.query<PrivatelinkRow>(PRIVATELINK_QUERY);
  const aws = await db.query<AwsRow>(AWS_QUERY);
  const containers = await db.query<ContainerRow>(CONTAINERS_QUERY);
  return { objects, comments, dependencies, sshKeys, privatelinks, aws, containers };
}
