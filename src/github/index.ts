export { DEFAULT_ENVIRONMENT, bodyHasMarker, driftIssueMarker, planCommentMarker, type MarkerKey } from './marker.js';
export { decideCommentAction, type CommentAction, type ExistingPost } from './comment-action.js';
export { GITHUB_COMMENT_LIMIT, PLAN_COMMENT_BUDGET } from './limits.js';
