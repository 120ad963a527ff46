import { bodyHasMarker } from './marker.js';

/** A pull-request comment or an issue, as GitHub's REST API lists it (only the fields used). */
export interface ExistingPost {
  readonly id: number;
  readonly body?: string | null;
}

export type CommentAction = { readonly action: 'create' } | { readonly action: 'update'; readonly id: number };

/**
 * Create a new comment, or update the one that carries the marker. When
 * several carry it (two jobs raced to create), the oldest (lowest id) is
 * updated, so every later run converges on the same comment. Pure: the
 * workflow script lists the comments and passes them in.
 */
export function decideCommentAction(existing: readonly ExistingPost[], marker: string): CommentAction {
  let found: number | undefined;
  for (const post of existing) {
    if (bodyHasMarker(post.body, marker) && (found === undefined || post.id < found)) found = post.id;
  }
  return found === undefined ? { action: 'create' } : { action: 'update', id: found };
}
