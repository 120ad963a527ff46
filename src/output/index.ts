export { renderPlanText, type TextOptions } from './text.js';
export { renderPlanMarkdown, type MarkdownOptions } from './markdown.js';
export { renderPlanJson } from './json.js';
export { formatValue } from './format-value.js';
export { summaryLine } from './describe.js';
