/** GitHub refuses a comment or issue body longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/**
 * What mzform allows itself for a plan comment: below the limit, with room
 * for the few characters a workflow may add (a link to the run).
 */
export const PLAN_COMMENT_BUDGET = 64_000;
