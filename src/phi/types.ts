export type DataClass = 'phi' | 'pii' | 'special' | 'credential' | 'none';
export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type Confidence = 'certain' | 'likely' | 'possible';

export interface ColumnInput {
  /** SQL column name: 'date_of_birth'. */
  name: string;
  /** Name in code (Drizzle property key, SQLAlchemy attribute): 'dateOfBirth'. */
  propertyKey?: string;
  tableName: string;
  /** SQL type name as the model spells it: 'jsonb', 'boolean', 'varchar(255)'. */
  sqlType?: string;
  /** The table is a person table or reaches one through foreign keys; guessed from the table name when absent. */
  personLinked?: boolean;
  /** The table holds health or clinical records; guessed from the table name when absent. */
  healthTable?: boolean;
}

export interface Classification {
  dataClass: DataClass;
  /** `phi.medication`, `id.email`, `quasi.gender`, `special.religion`, `credential.password`, `key.fk`, ... */
  category: string;
  severity: Severity;
  confidence: Confidence;
  /** Tokens of the identifier the result was computed from. */
  tokens: string[];
  /** Which rule fired and on which words. */
  reason: string;
}

export interface TableContext {
  personLinked: boolean;
  healthTable: boolean;
}
