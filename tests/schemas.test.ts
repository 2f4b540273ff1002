import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rules } from '../rules/index.js';

describe('rule option schemas', () => {
  it.each(rules.map((r) => r.id))('%s options schema is stable', async (id) => {
    const rule = rules.find((r) => r.id === id)!;
    const schema = z.toJSONSchema(rule.options, { io: 'input' });
    await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot(`__snapshots__/options/${id}.json`);
  });
});
