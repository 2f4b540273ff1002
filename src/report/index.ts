export type { ReportData } from './report-data.js';
export { renderHtmlReport } from './render-html.js';
export { formatMarkdownSummary, type MarkdownSummaryData } from './markdown-summary.js';
