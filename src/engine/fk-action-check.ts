import { z } from 'zod';
import { REFERENTIAL_ACTIONS, type ForeignKey, type ReferentialAction, type Table } from '../model/schema-model.js';
import type { RuleVisitor } from './define-rule.js';
import { describeForeignKey } from './identity.js';

/** Options shared by require-fk-on-delete and require-fk-on-update. */
export const fkActionOptions = z
  .object({
    allow: z
      .array(z.enum(REFERENTIAL_ACTIONS as unknown as [ReferentialAction, ...ReferentialAction[]]))
      .nonempty()
      .default([...REFERENTIAL_ACTIONS] as [ReferentialAction, ...ReferentialAction[]]),
    ignoreTables: z.array(z.string()).default([]),
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
  }): void;
}

/** The visitor both FK action rules use; `which` picks onDelete or onUpdate. */
export function checkFkAction(which: 'onDelete' | 'onUpdate', reporter: FkActionReporter, options: z.output<typeof fkActionOptions>): RuleVisitor {
  const ignored = new Set(options.ignoreTables);
  const allowed = options.allow.map((a) => `'${a}'`).join(', ');
  return {
    foreignKey(fk, table) {
      if (ignored.has(table.name)) return;
      const action = fk[which];
      if (action === undefined) {
        reporter.report({ node: fk, table, messageId: 'missing', data: { fk: describeForeignKey(fk, table) } });
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
