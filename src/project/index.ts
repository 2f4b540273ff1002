export { scanProject, usesProjectFacts, type ScanOptions, type ScanResult } from './scan-project.js';
