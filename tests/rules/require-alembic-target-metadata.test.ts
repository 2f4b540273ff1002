import rule from '../../rules/require-alembic-target-metadata.js';
import { ALEMBIC_REPO, ENV_PY, MODELS_BASE, MODELS_USER } from '../helpers/project-files.js';
import { testProjectRule } from '../helpers/project-tester.js';

const DOCTOR = `from sqlalchemy import Column, Integer, String

from .base import Base


class Doctor(Base):
    __tablename__ = "doctors"

    id = Column(Integer, primary_key=True)
    specialty = Column(String(100), nullable=False)
`;

const CONSULTATION = `from sqlalchemy import Column, ForeignKey, Integer

from .base import Base


class Consultation(Base):
    __tablename__ = "consultations"

    id = Column(Integer, primary_key=True)
    doctor_id = Column(Integer, ForeignKey("doctors.id", ondelete="RESTRICT"), nullable=False, index=True)
`;

const withModels = { ...ALEMBIC_REPO, 'app/models/doctor.py': DOCTOR, 'app/models/consultation.py': CONSULTATION };

testProjectRule(rule, {
  valid: [
    { name: 'the models package imports every module', files: { ...withModels, 'app/models/__init__.py': 'from .base import Base\nfrom .user import User\nfrom .doctor import Doctor\nfrom .consultation import Consultation\n' } },
    {
      name: 'env.py imports each module itself',
      files: { ...withModels, 'app/models/__init__.py': '', 'alembic/env.py': ENV_PY.replace('from app.models import Base', 'from app.models.base import Base\nfrom app.models import user, doctor\nimport app.models.consultation  # noqa: F401') },
    },
    {
      name: 'the package imports its modules dynamically',
      files: { ...withModels, 'app/models/__init__.py': 'import importlib\nimport pkgutil\n\nfrom .base import Base\n\nfor module in pkgutil.iter_modules(__path__):\n    importlib.import_module(f"{__name__}.{module.name}")\n' },
    },
    {
      name: 'Flask-Migrate takes the metadata from the running application',
      files: {
        ...withModels,
        'alembic/env.py': 'from alembic import context\nfrom flask import current_app\n\ntarget_db = current_app.extensions["migrate"].db\n\n\ndef get_metadata():\n    return target_db.metadata\n\n\ncontext.configure(target_metadata=get_metadata(), compare_type=True, compare_server_default=True)\n',
      },
    },
    { name: 'ignoreModules', files: withModels, options: { ignoreModules: ['app.models.doctor', 'app.models.consultation'] } },
    { name: 'models defined in tests do not count', files: { ...ALEMBIC_REPO, 'tests/models_for_tests.py': 'from app.models.base import Base\nfrom sqlalchemy import Column, Integer\n\nclass Probe(Base):\n    __tablename__ = "probe"\n    id = Column(Integer, primary_key=True)\n' } },
  ],
  invalid: [
    {
      name: 'target_metadata = None (what alembic init writes)',
      files: { ...ALEMBIC_REPO, 'alembic/env.py': ENV_PY.replace('target_metadata = Base.metadata', 'target_metadata = None') },
      errors: [{ messageId: 'noneTargetMetadata', file: 'alembic/env.py', line: 10, message: 'alembic/env.py sets target_metadata = None, so `alembic revision --autogenerate` has nothing to compare and generates empty migrations.' }],
    },
    {
      name: 'no target_metadata at all',
      files: { ...ALEMBIC_REPO, 'alembic/env.py': 'from alembic import context\n\ncontext.configure(url="sqlite://", compare_type=True, compare_server_default=True)\n' },
      errors: [{ messageId: 'missingTargetMetadata', file: 'alembic/env.py', line: 3 }],
    },
    {
      name: 'two models modules never imported',
      files: withModels,
      errors: [
        { messageId: 'missingModelModule', file: 'alembic/env.py', line: 10, message: 'alembic/env.py never imports app.models.consultation, which defines table consultations, so autogenerate does not see those tables and will generate drop_table() for them.' },
        { messageId: 'missingModelModule', file: 'alembic/env.py', line: 10 },
      ],
    },
    {
      name: 'env.py imports Base from the database module, never the models',
      files: {
        'alembic.ini': '[alembic]\nscript_location = migrations\n',
        'migrations/env.py': 'from alembic import context\nfrom app.database import Base\n\ntarget_metadata = Base.metadata\ncontext.configure(target_metadata=target_metadata, compare_type=True, compare_server_default=True)\n',
        'app/__init__.py': '',
        'app/database.py': MODELS_BASE,
        'app/user.py': MODELS_USER.replace('from .base import Base', 'from app.database import Base'),
      },
      errors: [{ messageId: 'missingModelModule', file: 'migrations/env.py', line: 4 }],
    },
  ],
});
