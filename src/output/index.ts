export { renderPlanText, type TextOptions } from './text.js';
export { renderPlanMarkdown, type MarkdownOptions } from './markdown.js';
export { renderPlanJson } from './json.js';
export { formatField, formatValue } from './format-value.js';
export { summaryLine } from './describe.js';
