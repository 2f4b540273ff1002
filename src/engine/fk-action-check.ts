import { z } from 'zod';
import { REFERENTIAL_ACTIONS, type ForeignKey, type ReferentialAction, type Table } from '../model/schema-model.js';
import type { Fix } from './diagnostic.js';
import type { RuleVisitor } from './define-rule.js';
import { fkActionFix, reportFix } from './fix-edits.js';
import { describeForeignKey } from './identity.js';

/** Options shared by require-fk-on-delete and require-fk-on-update. */
export const fkActionOptions = z
  .object({
    allow: z
      .array(z.enum(REFERENTIAL_ACTIONS as unknown as [ReferentialAction, ...ReferentialAction[]]))
      .nonempty()
      .default([...REFERENTIAL_ACTIONS] as [ReferentialAction, ...ReferentialAction[]]),
    ignoreTables: z.array(z.string()).default([]),
    fixAction: z.enum(REFERENTIAL_ACTIONS as unknown as [ReferentialAction, ...ReferentialAction[]]).default('no action'),
  })
  .strict();

export type FkActionMessageData = { fk: string; action?: string; allowed?: string };

interface FkActionReporter {
  report(descriptor: {
    node: ForeignKey;
    table: Table;
    messageId: 'missing' | 'notAllowed';
    data: FkActionMessageData;
    help?: string;
    fixes?: readonly Fix[];
    noFixReason?: string;
  }): void;
}

/** The visitor both FK action rules use; `which` picks onDelete or onUpdate. */
export function checkFkAction(which: 'onDelete' | 'onUpdate', reporter: FkActionReporter, options: z.output<typeof fkActionOptions>): RuleVisitor {
  const ignored = new Set(options.ignoreTables);
  const allowed = options.allow.map((a) => `'${a}'`).join(', ');
  const fixAction = options.fixAction;
  // NOTE: the fix writes `fixAction`; the default 'no action' is what the database does for an
  // undeclared action, so the fix changes no behaviour, it only records the decision.
  const actionFix = (fk: ForeignKey, table: Table) => {
    if (!options.allow.includes(fixAction)) return { noFixReason: `the fix would write '${fixAction}', which \`allow\` forbids; set the rule's fixAction option to an allowed action` };
    if (fixAction === 'set null' && fk.columns.some((c) => table.columns.find((col) => col.name === c)?.nullable === false)) {
      return { noFixReason: "'set null' cannot work on a NOT NULL column; choose another fixAction" };
    }
    return fkActionFix(fk, which, fixAction);
  };
  return {
    foreignKey(fk, table) {
      if (ignored.has(table.name)) return;
      const action = fk[which];
      if (action === undefined) {
        reporter.report({ node: fk, table, messageId: 'missing', data: { fk: describeForeignKey(fk, table) }, ...reportFix(actionFix(fk, table)) });
      } else if (!options.allow.includes(action)) {
        reporter.report({
          node: fk,
          table,
          messageId: 'notAllowed',
          data: { fk: describeForeignKey(fk, table), action, allowed },
          help: `Use one of the allowed actions: ${allowed}.`,
        });
      }
    },
  };
}
