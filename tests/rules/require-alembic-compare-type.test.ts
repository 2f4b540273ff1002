import rule from '../../rules/require-alembic-compare-type.js';
import { ALEMBIC_REPO, ENV_PY } from '../helpers/project-files.js';
import { testProjectRule } from '../helpers/project-tester.js';

const env = (online: string) => ({ ...ALEMBIC_REPO, 'alembic/env.py': ENV_PY.replace('context.configure(connection=connection, target_metadata=target_metadata, compare_type=True, compare_server_default=True)', online) });

testProjectRule(rule, {
  valid: [
    { name: 'both flags on both calls', files: ALEMBIC_REPO },
    { name: 'a callable compare_type counts', files: env('context.configure(connection=connection, target_metadata=target_metadata, compare_type=my_compare_type, compare_server_default=True)') },
    { name: '**kwargs may carry the flags (Flask-Migrate configure_args)', files: env('context.configure(connection=connection, target_metadata=target_metadata, **conf_args)') },
    { name: 'compareServerDefault: false', files: env('context.configure(connection=connection, target_metadata=target_metadata, compare_type=True)'), options: { compareServerDefault: false } },
    { name: 'no Alembic at all', files: { 'app/models.py': 'from sqlalchemy.orm import declarative_base\nBase = declarative_base()\n' } },
  ],
  invalid: [
    {
      name: 'the online call compares neither',
      files: env('context.configure(connection=connection, target_metadata=target_metadata)'),
      errors: [{ messageId: 'missingComparisons', file: 'alembic/env.py', line: 22, column: 9, message: 'context.configure() in alembic/env.py does not pass compare_type=True or compare_server_default=True, so autogenerate misses column type changes and server default changes.' }],
    },
    {
      name: 'explicit False, and only the server default missing',
      files: {
        ...ALEMBIC_REPO,
        'alembic/env.py': ENV_PY.replace('target_metadata=target_metadata, compare_type=True, compare_server_default=True)\n    with context.begin_transaction():\n        context.run_migrations()\n\n\ndef run_migrations_online', 'target_metadata=target_metadata, compare_type=False, compare_server_default=True)\n    with context.begin_transaction():\n        context.run_migrations()\n\n\ndef run_migrations_online').replace(
          'context.configure(connection=connection, target_metadata=target_metadata, compare_type=True, compare_server_default=True)',
          'context.configure(\n            connection=connection,\n            target_metadata=target_metadata,\n            compare_type=True,\n        )',
        ),
      },
      errors: [
        { messageId: 'missingComparisons', file: 'alembic/env.py', line: 14, message: 'context.configure() in alembic/env.py does not pass compare_type=True, so autogenerate misses column type changes.' },
        { messageId: 'missingComparisons', file: 'alembic/env.py', line: 22, message: 'context.configure() in alembic/env.py does not pass compare_server_default=True, so autogenerate misses server default changes.' },
      ],
    },
  ],
});
