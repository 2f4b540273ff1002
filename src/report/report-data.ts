import type { InventoryRow } from '../classification/inventory.js';
import type { Diagnostic } from '../engine/diagnostic.js';
import type { SchemaModel } from '../model/schema-model.js';

/** Everything a governance report shows. The report functions read nothing else. */
export interface ReportData {
  readonly model: SchemaModel;
  /** Diagnostics as `lintSync` returns them; suppressed ones (with `suppression`) are shown apart. */
  readonly diagnostics: readonly Diagnostic[];
  /** `buildInventory(model, (file) => relativePosix(root, file))`: the `classify` rows. */
  readonly inventory: readonly InventoryRow[];
  readonly toolVersion: string;
  /**
   * Absolute folder every path is shown relative to. Source links are relative to it too, so
   * pass the folder the HTML file is written to and the links open the files.
   */
  readonly root: string;
  readonly title?: string;
  /** ISO timestamp shown in the header; omitted, the output depends only on the input. */
  readonly generatedAt?: string;
  /**
   * When set, source links become `${sourceLinkBase}${path}#L${line}` (a GitHub or GitLab
   * blob URL ending in `/`) instead of relative paths.
   */
  readonly sourceLinkBase?: string;
  /**
   * `full` draws every column row in the SVG; `lazy` inserts a table's rows only when it is
   * zoomed into view or expanded. Default `auto`: full up to 150 tables and 2,500 columns.
   */
  readonly detail?: 'auto' | 'full' | 'lazy';
}
